"""The Hub's roles. Anyone registered contributes; reviewers are on the Peer Review
Roster; curators run calls and the review workflow; administrators run the site.

Roles are Django groups (administrators are superusers), so the admin can grant them and
every permission check asks one of the predicates below rather than a group name.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    CONTRIBUTOR = "contributor", _("Contributor")
    REVIEWER = "reviewer", _("Reviewer")
    CURATOR = "curator", _("Curator")
    ADMINISTRATOR = "administrator", _("Administrator")


# The groups that hold the roles a person is given; contributor needs no group.
ROLE_GROUPS = {Role.REVIEWER: "reviewers", Role.CURATOR: "curators"}


def _in_group(user, role: Role) -> bool:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    # Cached on the user object: a page asks several times per request.
    cache = getattr(user, "_gcmhub_groups", None)
    if cache is None:
        cache = set(user.groups.values_list("name", flat=True))
        user._gcmhub_groups = cache
    return ROLE_GROUPS[role] in cache


def is_administrator(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_active and user.is_superuser)


def is_curator(user) -> bool:
    """Administrators may do everything curators do."""
    return is_administrator(user) or _in_group(user, Role.CURATOR)


def is_reviewer(user) -> bool:
    return _in_group(user, Role.REVIEWER)


def roles_of(user) -> set[Role]:
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return set()
    roles = {Role.CONTRIBUTOR}
    if is_reviewer(user):
        roles.add(Role.REVIEWER)
    if is_curator(user):
        roles.add(Role.CURATOR)
    if is_administrator(user):
        roles.add(Role.ADMINISTRATOR)
    return roles
