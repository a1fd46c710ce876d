"""Small readers of rendered HTML for assertions on what a page shows."""

import html
import re
from html.parser import HTMLParser

# One page of each page type, for whole-site checks (accessibility, valid HTML), each in
# three languages: French, English and Arabic (right to left).
PAGE_TYPES = [
    "/",
    "/objectives/",
    "/objectives/10/",
    "/objectives/9/?tab=video",
    "/principles/",
    "/principles/human-rights/",
    "/regions/",
    "/regions/americas/",
    "/countries/",
    "/countries/BRA/",
    "/practices/",
    "/practices/?region=americas&objective=bad",
    "/resources/",
    "/practices/brazil-labour-inspection/",
    "/resources/a-74-127-coordinating-action-against-trafficking/",
    "/events/gcm-talk-migrant-smuggling/",
    "/projects/glo-act-asia-middle-east-project/",
    "/training/iom-migrant-worker-guidelines-for-employers/",
    "/videos/unodc-e4j-video-for-children/",
    "/calls/",
    "/calls/call-for-practices-trafficking-2024/",
    "/roster/",
    "/search/?q=traite",
    "/search/?q=victmes",
    "/search/?q=zzzz&country=BRA",
    "/objectives/99/",
    "/account/login/",
    "/account/register/",
    "/account/password/reset/",
    "/account/register/sent/",
    "/account/confirm/new/",
    "/account/confirm/not-a-token/",
    "/account/password/reset/sent/",
    "/account/password/reset/MQ/bad-token/",
    "/account/password/reset/done/",
    "/data/dictionary/",
]
LANGUAGES = ["fr", "en", "ar"]

# Pages only curators open: (path, CSS selector of a form to submit emptied, for its error
# state).
CURATOR_PAGE_TYPES = [
    ("/calls/new/", "main form"),
    ("/calls/call-for-practices-trafficking-2024/edit/", "main form"),
    ("/practices/brazil-labour-inspection/translations/", "#translation-form"),
    ("/data/import/", "main form"),
]

# Forms in their error state: the page, and what to type (field name → value) before
# submitting it; whole-site checks look at the page that comes back.
FORMS_IN_ERROR = [
    (
        "/account/register/",
        {
            "email": "not-an-address",
            "display_name": "",
            "organisation": "Ministère",
            "password1": "123",
            "password2": "456",
        },
    ),
    ("/account/login/", {"username": "nobody@example.org", "password": "wrong"}),
    ("/account/password/reset/", {"email": "@"}),
]

# The same for forms only a signed-in person sees.
SIGNED_IN_FORMS_IN_ERROR = [
    ("/account/", {"display_name": ""}),
    (
        "/account/password/",
        {"old_password": "not-my-password", "new_password1": "123", "new_password2": "456"},
    ),
]


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.text: list[str] = []
        self.links: list[tuple[str, str]] = []
        self._href: str | None = None
        self._link_text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "title"):
            self._skip += 1
        if tag == "a":
            self._href = dict(attrs).get("href")
            self._link_text = []

    def handle_endtag(self, tag):
        if tag in ("script", "style", "title"):
            self._skip -= 1
        if tag == "a" and self._href is not None:
            self.links.append((self._href, " ".join("".join(self._link_text).split())))
            self._href = None

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)
            if self._href is not None:
                self._link_text.append(data)


def read(response) -> _Reader:
    reader = _Reader()
    reader.feed(response.content.decode())
    return reader


def text(response) -> str:
    """The visible text of a page, whitespace collapsed."""
    return " ".join(" ".join(read(response).text).split())


def links(response) -> list[tuple[str, str]]:
    return read(response).links


def section(response, heading_id: str) -> str:
    """The raw HTML of the <section> whose heading has id `heading_id`."""
    body = response.content.decode()
    start = re.search(rf'<section[^>]*aria-labelledby="{heading_id}"', body)
    assert start, f"no section {heading_id}"
    depth, position = 0, start.start()
    for tag in re.finditer(r"<(/?)section\b", body[position:]):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            raw = body[position : position + tag.end() + 1]
            break
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", raw)).split())
