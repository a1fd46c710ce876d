"""Pages ask nothing of other hosts: every browser test records its pages' requests
(tests/browser/conftest.py) and fails on a third-party one. Here, what counts as one."""

from tests.browser.conftest import third_party


def test_a_request_to_another_host_is_third_party():
    assert third_party("https://fonts.googleapis.com/css?family=Noto")
    assert third_party("http://cdn.example.org/axe.min.js")
    assert not third_party("http://localhost:8123/static/gcmhub/site.css")
    assert not third_party("http://127.0.0.1:8123/en/")
    assert not third_party("data:image/png;base64,AAAA")
