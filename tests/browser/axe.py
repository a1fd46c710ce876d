"""axe-core (bundled with axe-playwright-python) on a page open in Chromium, and
signing a browser in without the login form."""

from django.test import Client

WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(page, label: str = "") -> list[str]:
    """Every WCAG 2.0/2.1 A and AA violation axe finds, one line each."""
    from axe_playwright_python.sync_playwright import Axe

    # Only violations are read: axe then skips detailing the passes, much of its time.
    options = {"runOnly": {"type": "tag", "values": WCAG}, "resultTypes": ["violations"]}
    results = Axe().run(page, options=options)
    return [
        f"{label or page.url}: {v['id']} {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]


def follow(page, selector: str):
    """Click what leads to another page and wait for that page: a check run straight
    after a bare click may otherwise see the page being left."""
    with page.expect_navigation():
        page.click(selector)
    return page


def session_of(user) -> str:
    """The session cookie the login form would give `user` (made before the browser
    starts: Playwright's event loop forbids database calls afterwards)."""
    client = Client()
    client.force_login(user)
    return client.cookies["sessionid"].value


def signed_in(page, live_server, session: str):
    page.context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
    return page
