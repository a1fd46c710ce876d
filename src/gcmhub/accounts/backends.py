"""Sign-in by email address (what people type), or by username for accounts made on the
command line (`gcmhub createsuperuser`)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


def login_name(request, credentials) -> str:
    """What django-axes counts failures against: the typed name, case folded, so
    `Ana@Example.org` and `ana@example.org` share one counter (AXES_USERNAME_CALLABLE).
    Cut to the 255 characters axes stores: Django's sign-in forms (the admin's too) do not
    bound the name, and PostgreSQL refuses a longer one."""
    return str((credentials or {}).get("username") or "").strip().lower()[:255]


class EmailOrUsernameBackend(ModelBackend):
    """Finds the account by email address (case-insensitive), else by username; inactive
    accounts never authenticate, as with Django's own backend."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None or password is None:
            return None
        users = get_user_model()._default_manager
        name = str(username).strip()
        user = None
        if "@" in name:
            # Two old accounts may share an address in another case: prefer the one whose
            # username is the address itself (every account registered here).
            matches = list(users.filter(email__iexact=name).order_by("pk")[:2])
            exact = [u for u in matches if u.username.lower() == name.lower()]
            user = exact[0] if exact else (matches[0] if len(matches) == 1 else None)
        if user is None:
            user = users.filter(username=name).first()
        if user is None:
            # Spend the time a password check takes, so timing tells nothing.
            get_user_model()().set_password(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None
