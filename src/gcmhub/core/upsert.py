"""Idempotent writes of data files into translated models.

Loaders (taxonomy, demo content) describe each row by a natural key, plain fields and
per-language texts. A row is saved only when something differs, so loading the same
file twice writes nothing and reports nothing changed.
"""

from dataclasses import dataclass, field
from typing import Any

from django.db import models


@dataclass
class UpsertReport:
    created: dict[str, int] = field(default_factory=dict)
    updated: dict[str, int] = field(default_factory=dict)

    def count(self, label: str, *, created: bool, changed: bool) -> None:
        if created:
            self.created[label] = self.created.get(label, 0) + 1
        elif changed:
            self.updated[label] = self.updated.get(label, 0) + 1

    @property
    def changed(self) -> bool:
        return bool(self.created or self.updated)

    def as_dict(self) -> dict[str, dict[str, int]]:
        return {"created": dict(self.created), "updated": dict(self.updated)}


def upsert_translated(
    model: type[models.Model],
    *,
    key: dict[str, Any],
    fields: dict[str, Any] | None = None,
    translations: dict[str, dict[str, Any]] | None = None,
) -> tuple[models.Model, bool, bool]:
    """Create or update one row; return (object, created, changed).

    `translations` maps a language code to that language's translated fields. Validation
    runs (`full_clean`) before any save, so a bad row raises before it writes.
    """
    obj = model.objects.filter(**key).first()
    created = obj is None
    if created:
        obj = model(**key)
    changed = created
    for name, value in (fields or {}).items():
        field = model._meta.get_field(name)
        # Compare foreign keys by id: an unsaved row has no related object to read.
        current = getattr(obj, field.attname)
        wanted = value.pk if field.many_to_one and value is not None else value
        if current != wanted:
            setattr(obj, name, value)
            changed = True
    for language, values in (translations or {}).items():
        if not created and not obj.has_translation(language):
            changed = True
        obj.set_current_language(language)
        for name, value in values.items():
            if obj.safe_translation_getter(name, language_code=language) != value:
                setattr(obj, name, value)
                changed = True
    if changed:
        obj.full_clean(validate_unique=False)
        obj.save()
    return obj, created, changed


def set_if_changed(manager, wanted: set) -> bool:
    """Set a many-to-many relation to `wanted` primary keys; report whether it changed."""
    current = set(manager.values_list("pk", flat=True))
    if current == wanted:
        return False
    manager.set(wanted)
    return True
