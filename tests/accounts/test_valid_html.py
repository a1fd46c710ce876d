"""The account pages are valid HTML by the Nu checker in their error states and when
signed in, in French, English and Arabic (the others are page types of tests/pages.py)."""

import shutil
from pathlib import Path

import pytest

from tests.accounts.conftest import PASSWORD
from tests.pages import FORMS_IN_ERROR, LANGUAGES, SIGNED_IN_FORMS_IN_ERROR
from tests.site.test_valid_html import check
from tests.tools import require_tool

pytestmark = pytest.mark.django_db

SIGNED_IN = ["/account/", "/account/password/"]


def test_account_pages_are_valid_html_in_every_state(client, make_user, tmp_path):
    require_tool(shutil.which("java") is not None, "a Java runtime for the Nu HTML checker")
    pages = []
    for language in LANGUAGES:
        for path, typed in FORMS_IN_ERROR:
            response = client.post(f"/{language}{path}", typed)
            assert b'class="errorlist' in response.content, path
            pages.append((f"{language}{path} (error)", response))
    client.force_login(make_user("curator", password=PASSWORD))
    for language in LANGUAGES:
        for path in SIGNED_IN:
            pages.append((f"{language}{path}", client.get(f"/{language}{path}")))
        for path, typed in SIGNED_IN_FORMS_IN_ERROR:
            response = client.post(f"/{language}{path}", typed)
            assert b'aria-invalid="true"' in response.content, path
            pages.append((f"{language}{path} (error)", response))
        token = client.post(f"/{language}/account/tokens/", {"name": "Harvester"})
        assert b'id="token-key"' in token.content
        pages.append((f"{language}/account/tokens/ (new token)", token))
    files = {}
    for n, (name, response) in enumerate(pages):
        assert response.status_code == 200, name
        file = tmp_path / f"{n}.html"
        file.write_bytes(response.content)
        files[file.name] = name
    errors = [
        f"{files[Path(m['url']).name]}: {m['message']} [{m.get('extract', '')!r}]"
        for m in check(list(map(tmp_path.joinpath, files)))
        if m.get("type") == "error"
    ]
    assert not errors, "\n".join(errors[:40])
