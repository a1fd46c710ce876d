"""The app under gunicorn in its own process, configured by environment as in
production: for what a test process cannot do to its own database connections."""

import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

from tests.tools import free_port

# Nothing listens on port 1 of the loopback: every connection is refused.
UNREACHABLE_DATABASE = "postgres://postgres@127.0.0.1:1/gcmhub"


def environment(data_dir: Path, **changes) -> dict:
    """This process's environment for a production-like app (DEBUG off) keeping its
    files in `data_dir`, on SQLite there unless `changes` give a DATABASE_URL."""
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    return {**env, "GCMHUB_DATA_DIR": str(data_dir), "GCMHUB_DEBUG": "0", **changes}


@contextmanager
def served(env: dict):
    """The WSGI app under gunicorn on a free loopback port; its base address."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "gcmhub.wsgi", "-b", f"127.0.0.1:{port}", "-w", "1"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                assert process.poll() is None and time.monotonic() < deadline, "did not start"
                time.sleep(0.2)
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=30)
