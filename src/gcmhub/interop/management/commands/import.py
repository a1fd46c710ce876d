"""`gcmhub import FILE [--partial] [--dry-run]`"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from gcmhub.interop.imports import catalog_import, import_parse, import_size_problem


class Command(BaseCommand):
    help = (
        "Import resources and practices from a CSV or JSON file in the export's schema. "
        "Every row is checked; nothing is written if any row is bad, unless --partial. "
        "Rows are matched to items by slug, so importing a file again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--partial", action="store_true", help="write the good rows even if some are bad"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="check and report, write nothing"
        )

    def handle(self, *args, file, partial, dry_run, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No such file: {file}")
        if message := import_size_problem(path.stat().st_size):
            raise CommandError(message)
        parsed = import_parse(name=path.name, data=path.read_bytes())
        report = catalog_import(
            actor=None, parsed=parsed, partial=partial, dry_run=dry_run, via="command"
        )
        for problem in report.problems:
            where = f"row {problem.row}" if problem.row else "file"
            field = f", {problem.field}" if problem.field else ""
            self.stderr.write(f"{path.name}: {where}{field}: {problem.message}")
        for slug in report.organisations_created:
            self.stdout.write(f"organisation created: {slug}")
        self.stdout.write(report.summary())
        if report.problems:
            raise CommandError(f"{len(report.problems)} problem(s) in {path.name}", returncode=1)
