import os

import pytest
from django.db import connection
from hypothesis import settings

from tests.tools import REQUIRE_ALL

# CI (GCMHUB_REQUIRE_ALL=1) fuzzes with a fixed seed, so a run is repeatable and a red
# run names a bug, not a draw; everywhere else each run explores new inputs. Every bug
# the exploring runs found is pinned by its own test.
settings.register_profile("ci", derandomize=True)
if REQUIRE_ALL:
    settings.load_profile("ci")


def pytest_configure(config):
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return
    import psycopg

    try:
        psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", connect_timeout=3).close()
    except psycopg.OperationalError as error:
        message = f"PostgreSQL is not reachable at {url}: {error}".strip()
        if REQUIRE_ALL:
            pytest.exit(f"GCMHUB_REQUIRE_ALL=1: {message}", returncode=1)
        print(f"\n{'!' * 70}\nMISSING TOOL: {message}\nThe PostgreSQL run is SKIPPED.\n{'!' * 70}")
        pytest.exit("PostgreSQL run skipped", returncode=0)


@pytest.fixture(scope="session", autouse=True)
def quick_password_hashing():
    """Argon2 spends about a tenth of a second and 100 MB on each hash, by design, and the
    suite makes thousands of accounts: tests hash with MD5. `production_password_hashing`
    gives a test the Hub's own hashers back, to pin that passwords are kept with Argon2."""
    from django.conf import settings
    from django.test import override_settings

    quick = ["django.contrib.auth.hashers.MD5PasswordHasher", *settings.PASSWORD_HASHERS]
    with override_settings(PASSWORD_HASHERS=quick):
        yield


@pytest.fixture
def production_password_hashing(settings):
    from gcmhub import settings as hub_settings

    settings.PASSWORD_HASHERS = hub_settings.PASSWORD_HASHERS


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every test database starts with the taxonomy and the demo content, loaded once."""
    from gcmhub.site.actions import site_init

    with django_db_blocker.unblock():
        site_init(demo=True)


@pytest.fixture(scope="session", autouse=True)
def own_rate_counters(tmp_path_factory):
    """Rate-limit counters are files shared by every server process on a machine; each
    test process keeps its own, so parallel test processes never count each other's
    requests (or clear each other's counts)."""
    from django.conf import settings
    from django.test import override_settings

    location = str(tmp_path_factory.mktemp("ratelimit"))
    caches = {
        **settings.CACHES,
        "ratelimit": {**settings.CACHES["ratelimit"], "LOCATION": location},
    }
    with override_settings(CACHES=caches):
        yield


@pytest.fixture(autouse=True)
def isolated_process_state():
    """Each test starts in the default language with empty caches: a language left
    active, a translation parler cached (or a taxonomy index built) from rows another test
    rolled back, or requests another test counted against a rate limit must not change
    what this one sees."""
    from django.conf import settings
    from django.core.cache import caches
    from django.utils import translation

    from gcmhub.taxonomy.selectors import taxonomy_index_forget

    for alias in settings.CACHES:
        caches[alias].clear()
    taxonomy_index_forget()
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture
def no_rate_limits(settings):
    """For tests that send a form or the API many times (fuzzing, batteries): they test
    something else; the limits themselves are tested in tests/security."""
    settings.GCMHUB_RATE_LIMITS = dict.fromkeys(settings.GCMHUB_RATE_LIMITS, "")


@pytest.fixture
def no_page_cache(settings):
    """For tests that write rows directly, not through the actions that move the public
    content version, and for tests that measure what rendering a page costs."""
    settings.GCMHUB_PAGE_CACHE_SECONDS = 0


@pytest.fixture
def demo(db):
    """The taxonomy and demo content; reloaded if a transactional test emptied the base."""
    from gcmhub.catalog.models import Item
    from gcmhub.site.actions import site_init

    if not Item.objects.exists():
        site_init(demo=True)


@pytest.fixture
def live_demo(live_server, transactional_db):
    from gcmhub.site.actions import site_init

    site_init(demo=True)
    return live_server


@pytest.fixture
def db_vendor(db):
    return connection.vendor


@pytest.fixture
def make_user(db):
    """make_user("curator") → an active, confirmed user holding that role (and those below).
    Roles: "contributor", "reviewer", "curator", "administrator"."""
    from django.contrib.auth import get_user_model

    from gcmhub.accounts.actions import role_grant
    from gcmhub.accounts.roles import Role

    counter = iter(range(1, 10_000))

    def make(role: str = "contributor", *, username: str = "", email: str = "", **fields):
        n = next(counter)
        username = username or f"{role}{n}"
        user = get_user_model().objects.create_user(
            username=username,
            email=email or f"{username}@example.org",
            password=fields.pop("password", "a-long-test-passphrase"),
            is_superuser=role == "administrator",
            is_staff=role in ("curator", "administrator"),
            **fields,
        )
        if role in ("reviewer", "curator"):
            role_grant(actor=None, user=user, role=Role(role))
        return user

    return make
