"""The interface in the six UN languages: pages, labels, directions, and a remembered choice."""

import pytest
from django.conf import settings

from gcmhub.taxonomy.models import Objective
from tests.pages import links, text

pytestmark = pytest.mark.usefixtures("demo")

CODES = [code for code, _name in settings.LANGUAGES]
PAGES = ["/", "/objectives/10/", "/search/?q=trata", "/practices/redtram/"]


@pytest.mark.parametrize("code", CODES)
def test_each_language_serves_its_pages_in_its_own_words(client, code):
    objective = Objective.objects.get(number=10)
    short_name = objective.safe_translation_getter("short_name", language_code=code)
    english_skip = "Skip to content"
    for path in PAGES:
        response = client.get(f"/{code}{path}")
        assert response.status_code == 200, path
        page = response.content.decode()
        direction = "rtl" if code == "ar" else "ltr"
        assert f'<html lang="{code}" dir="{direction}">' in page
        assert (english_skip in text(response)) == (code == "en"), (code, path)
    assert short_name in text(client.get(f"/{code}/objectives/"))


def test_every_page_links_its_versions_in_all_six_languages(client):
    page = client.get("/ar/objectives/9/").content.decode()
    for code in CODES:
        assert f'hreflang="{code}" href="/{code}/objectives/9/"' in page
    russian = client.get("/ru/")
    switch = {label for _href, label in links(russian)}
    assert {"Français", "English", "Español", "العربية", "中文"} <= switch
    assert '<span aria-current="true" lang="ru">Русский</span>' in russian.content.decode()


def test_the_language_last_read_is_remembered(client):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en")["Location"] == "/en/"
    client.get("/ru/objectives/")
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en")["Location"] == "/ru/"


def test_dates_and_numbers_follow_the_language(client):
    french = text(client.get("/fr/calls/call-for-practices-trafficking-2024/"))
    spanish = text(client.get("/es/calls/call-for-practices-trafficking-2024/"))
    assert "24 juin 2024" in french
    assert "24 de junio de 2024" in spanish
