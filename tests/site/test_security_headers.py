"""Security headers on every page, and a production configuration that passes Django's
deployment checks from environment variables alone."""

import os
import subprocess
import sys

import pytest

from tests.pages import PAGE_TYPES


@pytest.mark.usefixtures("demo")
@pytest.mark.parametrize("path", [*PAGE_TYPES[:8], "/calls/", "/search/?q=traite"])
def test_every_page_forbids_inline_scripts_framing_and_sniffing(client, path):
    response = client.get(f"/en{path}")
    policy = response["Content-Security-Policy"]
    directives = dict(d.strip().split(" ", 1) for d in policy.split(";") if d.strip())
    assert directives["script-src"] == "'self'" and "unsafe" not in policy
    assert directives["frame-ancestors"] == "'none'" and directives["object-src"] == "'none'"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


def production_environment(tmp_path) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(
        GCMHUB_DATA_DIR=str(tmp_path),
        GCMHUB_SECRET_KEY="a-production-secret-that-is-long-and-random-8c1f0e5b9d2a47f6b3e1",
        GCMHUB_ALLOWED_HOSTS="hub.example.org",
        GCMHUB_HTTPS="1",
        GCMHUB_BEHIND_PROXY="1",
        DJANGO_SETTINGS_MODULE="gcmhub.settings",
    )
    return env


@pytest.mark.own_database
def test_production_settings_pass_the_deployment_checks(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "gcmhub.cli", "check", "--deploy", "--fail-level", "WARNING"],
        env=production_environment(tmp_path),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.own_database
def test_the_development_default_is_flagged_by_the_deployment_checks(tmp_path):
    env = production_environment(tmp_path)
    del env["GCMHUB_SECRET_KEY"], env["GCMHUB_HTTPS"]
    result = subprocess.run(
        [sys.executable, "-m", "gcmhub.cli", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "security.W009" in result.stderr and "security.W004" in result.stderr


def _run_in_production(code: str, tmp_path) -> str:
    """What `code` prints, run by Python with the production environment."""
    return subprocess.run(
        [sys.executable, "-c", code],
        env=production_environment(tmp_path),
        capture_output=True,
        text=True,
        check=True,
    ).stdout


@pytest.mark.own_database
def test_https_mode_sends_hsts_and_marks_cookies_secure(tmp_path):
    code = (
        "import django; django.setup(); from django.conf import settings as s;"
        "print(s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE,"
        " s.SECURE_SSL_REDIRECT)"
    )
    assert _run_in_production(code, tmp_path).split() == ["31536000", "True", "True", "True"]


HTTPS_RESPONSE = """
import django; django.setup()
from django.core.management import call_command
from django.test import Client
call_command("migrate", verbosity=0)
response = Client(HTTP_HOST="hub.example.org").get("/en/account/login/", secure=True)
insecure = Client(HTTP_HOST="hub.example.org").get("/en/account/login/")
print(response.status_code, response["Strict-Transport-Security"])
print(*sorted(response.cookies))
print(*sorted(name for name, c in response.cookies.items() if c["secure"]))
print(insecure.status_code, insecure["Location"])
"""


@pytest.mark.own_database
def test_https_mode_answers_with_hsts_secure_cookies_and_redirects_http(tmp_path):
    lines = _run_in_production(HTTPS_RESPONSE, tmp_path).splitlines()
    assert lines[0] == "200 max-age=31536000; includeSubDomains"
    cookies, secure_cookies = lines[1].split(), lines[2].split()
    assert "csrftoken" in cookies and "django_language" in cookies
    assert secure_cookies == cookies
    assert lines[3] == "301 https://hub.example.org/en/account/login/"
