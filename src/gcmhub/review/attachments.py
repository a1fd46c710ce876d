"""What a submission may carry as attachments: PDF, Word (DOCX) and images, within a size
limit, each recognised by its content, not by its name."""

from pathlib import PurePath

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

# Detected type → the file name endings that may carry it.
ALLOWED_TYPES = {
    "application/pdf": {".pdf"},
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": {".docx"},
    "image/png": {".png"},
    "image/jpeg": {".jpg", ".jpeg"},
    "image/gif": {".gif"},
    "image/webp": {".webp"},
}
# Enough of the file for every signature above, DOCX included (its parts are listed
# near the start of the ZIP archive).
HEADER_BYTES = 8192


def attachment_check(upload) -> str:
    """The file's detected type; a ValidationError saying what is wrong otherwise."""
    limit = settings.GCMHUB_ATTACHMENT_MAX_BYTES
    if not upload.size:
        raise ValidationError(_("The file “%(name)s” is empty."), params={"name": upload.name})
    if upload.size > limit:
        raise ValidationError(
            _("The file “%(name)s” is %(size)s; files may be at most %(limit)s."),
            params={
                "name": upload.name,
                "size": filesizeformat(upload.size),
                "limit": filesizeformat(limit),
            },
        )
    upload.seek(0)
    header = upload.read(HEADER_BYTES)
    upload.seek(0)
    kind = filetype.guess(header)
    suffix = PurePath(upload.name).suffix.lower()
    if kind is None or kind.mime not in ALLOWED_TYPES:
        raise ValidationError(
            _(
                "The file “%(name)s” is not a PDF, a Word document (DOCX) or an image "
                "(PNG, JPEG, GIF, WebP), whatever its name says."
            ),
            params={"name": upload.name},
        )
    if suffix not in ALLOWED_TYPES[kind.mime]:
        raise ValidationError(
            _("The file “%(name)s” contains a %(type)s file but its name does not say so."),
            params={"name": upload.name, "type": kind.extension.upper()},
        )
    return kind.mime
