"""Open-data pages: exports of a search, the data dictionary, curators' imports."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from gcmhub.accounts.roles import is_curator
from gcmhub.catalog.models import KIND_PLURALS, Kind
from gcmhub.interop.exports import FORMATS, export_stream
from gcmhub.interop.imports import catalog_import, import_parse, import_size_problem
from gcmhub.interop.schema import (
    ESCAPE,
    FIELDS,
    FORMULA_STARTS,
    LIST_SEPARATOR,
    MAX_IMPORT_BYTES,
    TYPES,
)


def search_export(request, fmt: str):
    """The search page's results (same query string) as a file, streamed."""
    if fmt not in FORMATS:
        raise Http404
    response = StreamingHttpResponse(
        export_stream(request.GET, fmt=fmt, language=request.LANGUAGE_CODE),
        content_type=FORMATS[fmt],
    )
    response["Content-Disposition"] = f'attachment; filename="gcmhub-search.{fmt}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def data_dictionary(request):
    kinds = dict(Kind.choices)
    rows = [
        {
            "field": field,
            "columns": field.columns(),
            "type": TYPES[field.type],
            "kinds": (
                [_("all kinds")]
                if len(field.kinds) == len(kinds)
                else [KIND_PLURALS[kind] for kind in field.kinds]
            ),
        }
        for field in FIELDS
    ]
    return render(
        request,
        "interop/data_dictionary.html",
        {
            "rows": rows,
            "separator": LIST_SEPARATOR,
            "escape": ESCAPE,
            "formula_starts": " ".join(c for c in FORMULA_STARTS if c.isprintable()),
            "limit_mb": MAX_IMPORT_BYTES // 2**20,
        },
    )


class ImportForm(forms.Form):
    file = forms.FileField(label=_("File (CSV or JSON)"))
    dry_run = forms.BooleanField(
        label=_("Check only (dry run): report what would change, write nothing"),
        required=False,
        initial=True,
    )
    partial = forms.BooleanField(
        label=_("Write the good rows even if some rows are bad"), required=False
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if message := import_size_problem(upload.size):
            raise forms.ValidationError(message)
        return upload


@login_required
def data_import(request):
    if not is_curator(request.user):
        raise PermissionDenied
    report = None
    if request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            parsed = import_parse(name=upload.name or "upload", data=upload.read())
            report = catalog_import(
                actor=request.user,
                parsed=parsed,
                partial=form.cleaned_data["partial"],
                dry_run=form.cleaned_data["dry_run"],
            )
    else:
        form = ImportForm()
    return render(
        request,
        "interop/data_import.html",
        {"form": form, "report": report, "limit_mb": MAX_IMPORT_BYTES // 2**20},
        status=400 if request.method == "POST" and not form.is_valid() else 200,
    )
