"""Arabic pages are laid out right to left: the same page, mirrored."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def box(page, selector):
    return page.locator(selector).first.bounding_box()


def test_the_arabic_layout_mirrors_the_english_one(live_demo, open_page, tmp_path):
    english = open_page(locale="en-GB")
    english.goto(live_demo.url + "/en/practices/")
    arabic = open_page(locale="ar")
    arabic.goto(live_demo.url + "/ar/practices/")

    assert arabic.locator("html").get_attribute("dir") == "rtl"
    assert english.locator("html").get_attribute("dir") == "ltr"
    width = 1280
    for selector in (".brand", "aside.facets", ".results"):
        ltr, rtl = box(english, selector), box(arabic, selector)
        # The element sits where its mirror image would: x ↔ width − (x + w).
        mirrored_x = width - (ltr["x"] + ltr["width"])
        assert abs(rtl["x"] - mirrored_x) < 40, (selector, ltr, rtl)
    # The brand starts on the left in English, on the right in Arabic.
    assert box(english, ".brand")["x"] < width / 2 < box(arabic, ".brand")["x"]

    shot = tmp_path / "practices-ar.png"
    arabic.screenshot(path=str(shot), full_page=True)
    assert shot.read_bytes().startswith(b"\x89PNG") and shot.stat().st_size > 10_000
