"""The `gcmhub` command: Django's management commands under the project's own name.

`gcmhub init` prepares a database (migrate, taxonomy, demo content when empty);
`gcmhub serve` runs the development server; every other Django command works too.
"""

import os
import sys


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gcmhub.settings")
    from django.core.management import execute_from_command_line

    argv = list(sys.argv if argv is None else argv)
    aliases = {"serve": "runserver"}
    if len(argv) > 1 and argv[1] in aliases:
        argv[1] = aliases[argv[1]]
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
