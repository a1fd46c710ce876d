"""Permissions the review workflow grants on catalogue items (see `catalog/permissions.py`)."""

from django.contrib.auth.backends import BaseBackend

from gcmhub.catalog.permissions import TRANSLATE_ITEM
from gcmhub.review.models import Submission, SubmissionState


class PracticeSubmitterBackend(BaseBackend):
    """The submitter of a published practice may translate it. Only the published
    submission counts: a draft update names the practice but proves nothing."""

    def has_perm(self, user_obj, perm, obj=None):
        if perm != TRANSLATE_ITEM or obj is None or not user_obj.is_active:
            return False
        return Submission.objects.filter(
            practice_id=obj.pk, submitter_id=user_obj.pk, state=SubmissionState.PUBLISHED
        ).exists()
