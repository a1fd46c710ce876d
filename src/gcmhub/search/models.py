from django.db import models
from django.utils.translation import gettext_lazy as _


class IndexState(models.Model):
    """One row whose generation changes with every index write, in the writing
    transaction: processes compare it to know when their in-memory facets are stale."""

    generation = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = _("search index state")

    def __str__(self) -> str:
        return f"generation {self.generation}"


class IndexedWord(models.Model):
    """Surface words of indexed titles and summaries with the number of items using
    them: the dictionary spelling suggestions are drawn from."""

    word = models.CharField(max_length=64, primary_key=True)
    items = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("indexed word")

    def __str__(self) -> str:
        return self.word
