"""Tests that need a tool the machine may lack skip loudly, or fail under CI.

`.ci/run` sets GCMHUB_REQUIRE_ALL=1: there a missing tool is a failure, so a green CI
run means every test really ran.
"""

import os
import socket

import pytest

REQUIRE_ALL = os.environ.get("GCMHUB_REQUIRE_ALL") == "1"


def require_tool(available: bool, reason: str) -> None:
    if available:
        return
    if REQUIRE_ALL:
        pytest.fail(f"GCMHUB_REQUIRE_ALL=1 and a required tool is missing: {reason}", pytrace=False)
    pytest.skip(f"MISSING TOOL (this test did not run): {reason}")


def free_port() -> int:
    """A loopback port nothing listens on now, for a server a test starts."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
