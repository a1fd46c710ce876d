"""The review fixtures (a submitter, a draft, a curator, a roster), for forms of every step."""

from tests.review.conftest import curator, draft, roster, submitter  # noqa: F401
