"""What people get when the database cannot be reached, or is busy with another write:
each case runs the real app under gunicorn in its own process (tests/served.py), against
a real database (or none), as in production."""

import json
import re
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest

from tests.html_check import html_errors
from tests.served import UNREACHABLE_DATABASE, environment, served

pytestmark = pytest.mark.own_database


def fetch(url: str, *, data: dict | None = None, cookies: dict | None = None):
    """(status, headers, body) without following redirects."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    request = urllib.request.Request(
        url,
        data=urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None,
        headers={"Cookie": "; ".join(f"{k}={v}" for k, v in (cookies or {}).items())},
    )
    try:
        with urllib.request.build_opener(NoRedirect).open(request, timeout=60) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def test_an_unreachable_database_gives_a_translated_503_page_not_an_error(tmp_path):
    with served(environment(tmp_path, DATABASE_URL=UNREACHABLE_DATABASE)) as base:
        french = fetch(f"{base}/fr/")
        english = fetch(f"{base}/en/practices/")
        api = fetch(f"{base}/api/v1/items")
    for status, headers, _page in (french, english, api):
        assert status == 503 and headers["Retry-After"] == "30"
    assert '<html lang="fr"' in french[2]
    assert "<h1>Le Hub est momentanément indisponible</h1>" in french[2]
    assert "<h1>The Hub is briefly unavailable</h1>" in english[2]
    assert "Traceback" not in french[2] + english[2]
    assert json.loads(api[2])["error"]["code"] == "unavailable"
    pages = [("fr-503", french[2].encode()), ("en-503", english[2].encode())]
    assert html_errors(pages, tmp_path) == []


SETUP = """
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.core.management import call_command

call_command("migrate", verbosity=0)
user = get_user_model().objects.create_user("sofia", "sofia@example.org")
session = SessionStore()
session[SESSION_KEY] = str(user.pk)
session[BACKEND_SESSION_KEY] = "gcmhub.accounts.backends.EmailOrUsernameBackend"
session[HASH_SESSION_KEY] = user.get_session_auth_hash()
session.create()
print(session.session_key)
"""


def test_a_write_waits_for_another_writer_on_sqlite_instead_of_failing(tmp_path):
    env = environment(tmp_path)
    session = subprocess.run(
        [sys.executable, "-m", "gcmhub.cli", "shell", "-c", SETUP],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()[-1]
    with served(env) as base:
        cookies = {"sessionid": session}
        status, headers, form = fetch(f"{base}/en/submissions/new/", cookies=cookies)
        assert status == 200
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
        cookies["csrftoken"] = re.search(r"csrftoken=([^;]+)", headers["Set-Cookie"]).group(1)
        answers = []
        saving = threading.Thread(
            target=lambda: answers.append(
                fetch(
                    f"{base}/en/submissions/new/",
                    data={
                        "title": "Written while locked",
                        "save": "1",
                        "csrfmiddlewaretoken": token,
                    },
                    cookies=cookies,
                )
            )
        )
        # Another connection holds the write lock for a second while the draft is saved.
        other = sqlite3.connect(tmp_path / "gcmhub.sqlite3", isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        saving.start()
        time.sleep(1)
        # Without the busy timeout the save fails at once ("database is locked").
        still_waiting = saving.is_alive()
        other.execute("COMMIT")
        saving.join(timeout=60)
    status, headers, _page = answers[0]
    assert still_waiting
    assert status == 302 and re.fullmatch(
        r"/en/submissions/[0-9a-f-]{36}/edit/", headers["Location"]
    )
    titles = other.execute("SELECT content FROM review_submission").fetchall()
    assert [json.loads(content)["title"] for (content,) in titles] == ["Written while locked"]
