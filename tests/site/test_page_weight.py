"""Every page type, compressed, with its stylesheet and scripts, stays under 60 KB."""

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "page_weight.py"


def _load_script():
    spec = importlib.util.spec_from_file_location("page_weight", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    # dataclasses look the module up in sys.modules while the class is being built.
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


page_weight = _load_script()

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def weights(live_demo):
    return {
        weight.path: weight for weight in page_weight.measure(live_demo.url, page_weight.PAGE_TYPES)
    }


def test_every_page_type_answers_with_its_expected_status(weights):
    statuses = {path: weight.status for path, weight in weights.items()}
    expected = {path: page_weight.EXPECTED_STATUS.get(path, 200) for path in weights}
    assert statuses == expected
    assert statuses["/fr/objectives/99/"] == 404


def test_every_page_type_is_under_the_limit(weights):
    assert len(weights) == len(page_weight.PAGE_TYPES) == 38
    over = {
        path: weight.total_bytes
        for path, weight in weights.items()
        if weight.total_bytes > page_weight.LIMIT_BYTES
    }
    assert not over, f"over {page_weight.LIMIT_BYTES} bytes: {over}"
    for weight in weights.values():
        assert weight.total_bytes == weight.html_bytes + weight.asset_bytes


def test_html_arrives_gzip_compressed(weights):
    large = {path: weight for path, weight in weights.items() if weight.html_bytes > 1024}
    assert "/en/" in large
    encodings = {path: weight.html_encoding for path, weight in large.items()}
    assert encodings == dict.fromkeys(large, "gzip")


def test_every_referenced_asset_loads(weights):
    broken = {
        path: weight.broken_assets for path, weight in weights.items() if weight.broken_assets
    }
    assert not broken, f"stylesheets or scripts that did not answer 200: {broken}"


def test_the_stylesheet_is_counted_on_the_home_page(weights):
    home = weights["/en/"]
    assert home.asset_bytes > 0, f"no stylesheet counted (broken: {home.broken_assets})"
    assert any(url.endswith(".css") for url in home.assets)


# Pages only a signed-in person sees; a curator may open every one of them.
SIGNED_IN_PAGE_TYPES = [
    "/en/dashboard/",
    "/fr/submissions/new/",
    "/ar/submissions/new/",
    "/en/account/",
    "/fr/calls/new/",
    "/en/roster/apply/",
    "/fr/roster/applications/",
    "/en/roster/coverage/",
    "/fr/data/import/",
]


def test_the_signed_in_pages_are_under_the_limit(live_demo, make_user):
    from tests.browser.axe import session_of

    weights = page_weight.measure(
        live_demo.url, SIGNED_IN_PAGE_TYPES, session=session_of(make_user("curator"))
    )
    assert {weight.path: weight.status for weight in weights} == dict.fromkeys(
        SIGNED_IN_PAGE_TYPES, 200
    )
    over = {w.path: w.total_bytes for w in weights if w.total_bytes > page_weight.LIMIT_BYTES}
    assert not over, f"over {page_weight.LIMIT_BYTES} bytes: {over}"
