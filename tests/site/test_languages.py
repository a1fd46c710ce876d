"""French and English interface; content in its source language until translated."""

import pytest

from tests.pages import links, text

pytestmark = pytest.mark.usefixtures("demo")


def test_the_root_address_sends_each_reader_to_their_language(client):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9")["Location"] == "/fr/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB")["Location"] == "/en/"


def test_the_interface_speaks_the_language_of_the_address(client):
    french, english = text(client.get("/fr/")), text(client.get("/en/"))
    assert "Dernières pratiques" in french and "Latest practices" not in french
    assert "Latest practices" in english
    assert '<html lang="fr" dir="ltr">' in client.get("/fr/").content.decode()


def test_the_language_switcher_links_the_same_page_in_the_other_language(client):
    response = client.get("/fr/objectives/10/?tab=document")
    switch = dict((label, href) for href, label in links(response))
    assert switch["English"] == "/en/objectives/10/?tab=document"
    page = response.content.decode()
    assert '<link rel="alternate" hreflang="en" href="/en/objectives/10/?tab=document">' in page


def test_french_only_content_shows_on_english_pages_with_a_language_badge(client):
    response = client.get("/en/resources/unodc-global-report-trafficking-2020/")
    page = response.content.decode()
    assert 'lang="fr"' in page
    assert '<span class="badge lang" lang="fr"' in page
    assert response.context["shown"].language == "fr"


def test_translated_content_shows_in_the_readers_language_without_a_badge(client):
    response = client.get("/en/practices/redtram/")
    assert response.context["shown"].language == "en"
    assert "badge lang" not in response.content.decode()
    assert "REDTRAM" in text(response)


def test_taxonomy_labels_follow_the_interface_language(client):
    assert "Brésil" in text(client.get("/fr/countries/BRA/"))
    assert "Brazil" in text(client.get("/en/countries/BRA/"))
    assert "Priorité à la dimension humaine" in text(client.get("/fr/principles/"))
