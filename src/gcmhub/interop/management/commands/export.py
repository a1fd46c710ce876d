"""`gcmhub export [--format csv|json|ndjson] [--query "objective=10&q=…"] [--output FILE]`"""

import sys
from pathlib import Path
from urllib.parse import parse_qs

from django.core.management.base import BaseCommand, CommandError

from gcmhub.interop.exports import FORMATS, export_stream


class Command(BaseCommand):
    help = (
        "Export published items (all, or those a search finds) as CSV, JSON or NDJSON, "
        "streamed to a file or standard output."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--format", choices=sorted(FORMATS), help="default: the output's extension, else csv"
        )
        parser.add_argument(
            "--query",
            default="",
            help='the search page\'s query string, e.g. "objective=10&q=traite"',
        )
        parser.add_argument(
            "--output", "-o", default="-", help="file to write; - (default) for standard output"
        )

    def handle(self, *args, format, query, output, **options):
        fmt = format or Path(output).suffix.lstrip(".").lower()
        if fmt not in FORMATS:
            if format is None and output != "-":
                raise CommandError(
                    f"Cannot tell the format of {output}: give --format csv|json|ndjson."
                )
            fmt = "csv"
        chunks = export_stream(parse_qs(query.lstrip("?")), fmt=fmt)
        if output == "-":
            out = sys.stdout
            for chunk in chunks:
                out.write(chunk)
            out.flush()
            return
        with open(output, "w", encoding="utf-8", newline="") as out:
            for chunk in chunks:
                out.write(chunk)
