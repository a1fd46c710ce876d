"""Measure the compressed weight of every page type, as a browser on a slow link gets it.

For each path: GET the HTML with `Accept-Encoding: gzip`, then every same-origin
stylesheet (`<link rel="stylesheet" href>`) and script (`<script src>`) it references,
also with gzip, and add up the bytes really transferred (the raw, still-compressed body).

    python scripts/page_weight.py [BASE_URL]

Without BASE_URL the script starts its own server on a fresh data directory
(`gcmhub init`, then `gcmhub serve`), measures, and stops it. It prints one line per
page, `path html_bytes asset_bytes total_bytes`, then a summary line, and exits 1 if a
page is over LIMIT_BYTES or answered with an unexpected status, else 0.
"""

from __future__ import annotations

import gzip
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

LIMIT_BYTES = 60 * 1024

PAGE_TYPES = [
    "/fr/",
    "/en/",
    "/fr/objectives/",
    "/en/objectives/",
    "/fr/objectives/10/",
    "/en/objectives/9/",
    "/fr/principles/",
    "/en/principles/",
    "/en/principles/human-rights/",
    "/fr/regions/",
    "/en/regions/",
    "/fr/regions/americas/",
    "/fr/countries/",
    "/en/countries/",
    "/fr/countries/BRA/",
    "/en/practices/",
    "/fr/resources/",
    "/en/events/",
    "/en/projects/",
    "/en/training/",
    "/en/videos/",
    "/en/practices/brazil-labour-inspection/",
    "/fr/resources/a-74-127-coordinating-action-against-trafficking/",
    "/en/events/gcm-talk-migrant-smuggling/",
    "/en/projects/glo-act-asia-middle-east-project/",
    "/en/training/iom-migrant-worker-guidelines-for-employers/",
    "/en/videos/unodc-e4j-video-for-children/",
    "/en/calls/",
    "/fr/calls/call-for-practices-trafficking-2024/",
    "/fr/objectives/99/",
    "/ar/",
    "/ar/practices/",
    "/en/practices/?region=americas&objective=10",
    "/fr/search/?q=traite",
    "/en/roster/",
    "/fr/account/login/",
    "/en/account/register/",
    "/fr/data/dictionary/",
]

# Pages that must answer with something other than 200; still measured.
EXPECTED_STATUS = {"/fr/objectives/99/": 404}

TIMEOUT = 30


@dataclass
class PageWeight:
    path: str
    html_bytes: int
    asset_bytes: int
    total_bytes: int
    status: int = 200
    html_encoding: str = ""
    # Same-origin asset URL -> transferred bytes; assets that did not answer 200 are
    # left out of the weight and listed in broken_assets (URL -> status) instead.
    assets: dict[str, int] = field(default_factory=dict)
    broken_assets: dict[str, int] = field(default_factory=dict)

    @property
    def expected_status(self) -> int:
        return EXPECTED_STATUS.get(self.path, 200)

    @property
    def ok(self) -> bool:
        return (
            self.status == self.expected_status
            and self.total_bytes <= LIMIT_BYTES
            and not self.broken_assets
        )


class _AssetFinder(HTMLParser):
    """Collects the stylesheets and scripts a page references, in order."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "link":
            rel = (attributes.get("rel") or "").lower().split()
            if "stylesheet" in rel and attributes.get("href"):
                self.urls.append(attributes["href"])
        elif tag == "script" and attributes.get("src"):
            self.urls.append(attributes["src"])


def _fetch(url: str, session: str = "") -> tuple[int, bytes, str, str]:
    """GET with gzip accepted: (status, raw body as transferred, Content-Encoding, charset).
    With a `session` cookie, as the person it signs in."""
    headers = {"Accept-Encoding": "gzip"}
    if session:
        headers["Cookie"] = f"sessionid={session}"
    request = urllib.request.Request(url, headers=headers)
    try:
        response = urllib.request.urlopen(request, timeout=TIMEOUT)
    except urllib.error.HTTPError as error:
        response = error
    with response:
        body = response.read()
        encoding = (response.headers.get("Content-Encoding") or "").strip().lower()
        charset = response.headers.get_content_charset() or "utf-8"
        return response.status, body, encoding, charset


def _decoded(body: bytes, encoding: str, charset: str) -> str:
    if encoding == "gzip":
        body = gzip.decompress(body)
    return body.decode(charset, errors="replace")


def _same_origin(url: str, base_url: str) -> bool:
    a, b = urlsplit(url), urlsplit(base_url)
    return (a.scheme, a.netloc) == (b.scheme, b.netloc)


def measure(base_url: str, paths: list[str], session: str = "") -> list[PageWeight]:
    """The transferred weight of each page and of the same-origin assets it loads, signed
    in when given a `session` cookie."""
    base_url = base_url.rstrip("/")
    weights = []
    for path in paths:
        page_url = base_url + path
        status, body, encoding, charset = _fetch(page_url, session)
        finder = _AssetFinder()
        finder.feed(_decoded(body, encoding, charset))
        assets: dict[str, int] = {}
        broken: dict[str, int] = {}
        for href in finder.urls:
            asset_url = urljoin(page_url, href)
            if not _same_origin(asset_url, page_url) or asset_url in assets | broken:
                continue
            asset_status, asset_body, _encoding, _charset = _fetch(asset_url)
            if asset_status != 200:
                broken[asset_url] = asset_status
                continue
            assets[asset_url] = len(asset_body)
        asset_bytes = sum(assets.values())
        weights.append(
            PageWeight(
                path=path,
                html_bytes=len(body),
                asset_bytes=asset_bytes,
                total_bytes=len(body) + asset_bytes,
                status=status,
                html_encoding=encoding,
                assets=assets,
                broken_assets=broken,
            )
        )
    return weights


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(url: str, server: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the server exited with status {server.returncode}")
        try:
            _fetch(url)
            return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    raise RuntimeError(f"the server did not answer at {url} within {seconds:.0f}s")


def _report(weights: list[PageWeight]) -> int:
    for weight in weights:
        flags = []
        if weight.status != weight.expected_status:
            flags.append(f"UNEXPECTED-STATUS={weight.status}")
        if weight.total_bytes > LIMIT_BYTES:
            flags.append("OVER-LIMIT")
        flags += [f"BROKEN-ASSET={url}:{status}" for url, status in weight.broken_assets.items()]
        line = f"{weight.path} {weight.html_bytes} {weight.asset_bytes} {weight.total_bytes}"
        print(" ".join([line, *flags]))
    over = sum(1 for weight in weights if weight.total_bytes > LIMIT_BYTES)
    failed = sum(1 for weight in weights if not weight.ok)
    max_bytes = max((weight.total_bytes for weight in weights), default=0)
    print(
        f"pageweight pages={len(weights)} max_bytes={max_bytes} "
        f"limit_bytes={LIMIT_BYTES} over={over}"
    )
    return 1 if failed else 0


def _measure_own_server() -> list[PageWeight]:
    with tempfile.TemporaryDirectory(prefix="gcmhub-pageweight-") as data_dir:
        env = {**os.environ, "GCMHUB_DATA_DIR": data_dir}
        env.pop("DATABASE_URL", None)
        subprocess.run(
            [sys.executable, "-m", "gcmhub.cli", "init"],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
        address = f"127.0.0.1:{_free_port()}"
        server = subprocess.Popen(
            [sys.executable, "-m", "gcmhub.cli", "serve", address, "--noreload"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            base_url = f"http://{address}"
            _wait_until_up(base_url + "/en/", server)
            return measure(base_url, PAGE_TYPES)
        finally:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) > 1:
        print("usage: python scripts/page_weight.py [BASE_URL]", file=sys.stderr)
        return 2
    weights = measure(args[0], PAGE_TYPES) if args else _measure_own_server()
    return _report(weights)


if __name__ == "__main__":
    sys.exit(main())
