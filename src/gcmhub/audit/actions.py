"""The one way to write an audit entry; every other action calls it inside its transaction."""

import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models

from gcmhub.audit.models import UNSEEN_BY_VISITORS, AuditEntry, AuditEvent
from gcmhub.core.pagecache import public_content_changed


def audit_record(
    *, actor, event_type: AuditEvent, obj: models.Model | None = None, snapshot: dict[str, Any]
) -> AuditEntry:
    if event_type not in UNSEEN_BY_VISITORS:
        public_content_changed()
    return AuditEntry.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        event_type=event_type,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        snapshot=snapshot,
    )


def snapshot_of(obj: models.Model) -> dict[str, Any]:
    """A JSON-safe picture of a row: its fields, many-to-many keys and translations."""
    data: dict[str, Any] = {}
    for field in obj._meta.concrete_fields:
        data[field.name] = field.value_from_object(obj)
    for field in obj._meta.many_to_many:
        data[field.name] = sorted(o.pk for o in getattr(obj, field.name).all())
    if hasattr(obj, "translations"):
        data["translations"] = {
            t.language_code: {
                f.name: f.value_from_object(t)
                for f in t._meta.concrete_fields
                if f.name not in ("id", "master", "language_code")
            }
            for t in obj.translations.all()
        }
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))
