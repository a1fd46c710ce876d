"""The README's deployment section works as written: its environment file passes Django's
deployment checks, and the commands of its systemd units (web, worker, email retries)
serve the Hub."""

import re
import secrets
import shlex
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.own_database

README = (Path(__file__).parents[2] / "README.md").read_text()
BIN = Path(sys.executable).parent


def _block_after(marker: str) -> str:
    start = README.index(marker)
    return re.search(r"```\w*\n(.*?)```", README[start:], re.S).group(1)


def _readme_environment(data_dir: Path) -> dict:
    env = dict(
        line.split("=", 1) for line in _block_after("`/etc/gcmhub.env`").splitlines() if line
    )
    # The README's PostgreSQL is the server's own; here the same settings on SQLite in a
    # scratch folder.
    del env["DATABASE_URL"]
    # The operator replaces the placeholder key as the README says.
    assert env["GCMHUB_SECRET_KEY"].startswith("change-me")
    env["GCMHUB_SECRET_KEY"] = secrets.token_urlsafe(50)
    env.update(GCMHUB_DATA_DIR=str(data_dir), PATH=str(BIN), HOME=str(data_dir))
    return env


def _exec_start(unit: str) -> list[str]:
    line = re.search(r"^ExecStart=(.*?[^\\])$", _block_after(unit), re.M | re.S).group(1)
    return shlex.split(line.replace("\\\n", " ").replace("/srv/gcmhub/venv/bin/", f"{BIN}/"))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str, **headers) -> tuple[int, dict, str]:
    request = urllib.request.Request(url, headers={"Host": "hub.example.org", **headers})
    opener = urllib.request.build_opener(_NoRedirect)
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), ""


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.fixture(scope="module")
def deployed(tmp_path_factory):
    env = _readme_environment(tmp_path_factory.mktemp("deployed"))
    for command in (["init", "--no-demo"], ["collectstatic", "--noinput"]):
        subprocess.run([BIN / "gcmhub", *command], env=env, check=True, capture_output=True)
    return env


def test_the_readme_environment_passes_the_deployment_checks(deployed):
    result = subprocess.run(
        [BIN / "gcmhub", "check", "--deploy", "--fail-level", "WARNING"],
        env=deployed,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_readme_units_serve_the_hub_over_https_with_a_running_worker(deployed):
    port = _free_port()
    web = _exec_start("gcmhub-web.service")
    web[web.index("--bind") + 1] = f"127.0.0.1:{port}"
    web[web.index("--workers") + 1] = "2"
    server = subprocess.Popen(web, env=deployed, stderr=subprocess.PIPE, text=True)
    worker = subprocess.Popen(_exec_start("gcmhub-worker.service"), env=deployed)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                _get(base + "/")
                break
            except OSError:
                time.sleep(0.1)
        status, headers, page = _get(base + "/en/", **{"X-Forwarded-Proto": "https"})
        assert status == 200
        assert "max-age=" in headers["Strict-Transport-Security"]
        assert "GCM" in page
        stylesheet = re.search(r'<link rel="stylesheet" href="([^"]+)"', page).group(1)
        assert re.fullmatch(r"/static/gcmhub/site\.[0-9a-f]{12}\.css", stylesheet)
        status, headers, _ = _get(base + stylesheet, **{"X-Forwarded-Proto": "https"})
        assert status == 200 and "immutable" in headers["Cache-Control"]

        status, headers, _ = _get(base + "/en/", **{"X-Forwarded-Proto": "http"})
        assert status == 301 and headers["Location"] == "https://hub.example.org/en/"

        assert worker.poll() is None, "the worker stopped"
        retry = subprocess.run(
            _exec_start("gcmhub-retry.service"), env=deployed, capture_output=True, text=True
        )
        assert retry.returncode == 0, retry.stderr
    finally:
        for process in (server, worker):
            process.terminate()
            process.wait(timeout=20)
