"""Settings, read from the environment only (see README, "Configuration").

Nothing here is edited to deploy: DATABASE_URL picks the database, GCMHUB_DATA_DIR
where the embedded SQLite database and uploaded files live.
"""

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("GCMHUB_DATA_DIR", "var")).resolve()

DEBUG = os.environ.get("GCMHUB_DEBUG", "0") == "1"
SECRET_KEY = os.environ.get("GCMHUB_SECRET_KEY", "insecure-development-key-change-me")
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("GCMHUB_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")
    if h.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "parler",
    "ninja",
    "axes",
    "corsheaders",
    "csp",
    "django_tasks",
    "django_tasks_db",
    "gcmhub.core",
    "gcmhub.audit",
    "gcmhub.search",
    "gcmhub.notifications",
    "gcmhub.accounts",
    "gcmhub.taxonomy",
    "gcmhub.catalog",
    "gcmhub.calls",
    "gcmhub.experts",
    "gcmhub.review",
    "gcmhub.site",
    "gcmhub.interop",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Outside WhiteNoise so static files are compressed even before `collectstatic`
    # has made their .gz copies (it leaves already-encoded responses alone).
    "django.middleware.gzip.GZipMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "gcmhub.core.middleware.RememberLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its lockout response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "gcmhub.urls"
WSGI_APPLICATION = "gcmhub.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]


def _database_from_environment() -> dict:
    url = os.environ.get("DATABASE_URL", "")
    if url:
        return dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": DATA_DIR / "gcmhub.sqlite3",
        "OPTIONS": {
            # WAL lets readers proceed while one writer writes; IMMEDIATE takes the
            # write lock at BEGIN so concurrent writers wait (timeout) instead of failing.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        },
    }


DATABASES = {"default": _database_from_environment()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Argon2 first: new and re-saved passwords use it; older hashes still verify.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
# People sign in with their email address (accounts made on the command line may also
# use their username); see docs/adr/0014-accounts-and-roles.md.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "gcmhub.accounts.backends.EmailOrUsernameBackend",
    # Authenticates no one: lets a practice's submitter translate it (ADR 0020).
    "gcmhub.review.backends.PracticeSubmitterBackend",
]
# Login attempts: five failures for one username from one address lock it for an hour.
AXES_FAILURE_LIMIT = int(os.environ.get("GCMHUB_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# One counter per typed address whatever its case; our page (HTTP 429) when locked out.
AXES_USERNAME_CALLABLE = "gcmhub.accounts.backends.login_name"
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_HTTP_RESPONSE_CODE = 429
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "review:dashboard"
LOGOUT_REDIRECT_URL = "site:home"
# Links that confirm an email address, and links that reset a password, expire after:
GCMHUB_CONFIRMATION_DAYS = int(os.environ.get("GCMHUB_CONFIRMATION_DAYS", "3"))
PASSWORD_RESET_TIMEOUT = int(os.environ.get("GCMHUB_PASSWORD_RESET_HOURS", "24")) * 60 * 60

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The six UN languages, for the interface and for content.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("fr", _("French")),
    ("en", _("English")),
    ("es", _("Spanish")),
    ("ar", _("Arabic")),
    ("zh-hans", _("Chinese")),
    ("ru", _("Russian")),
]
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
# Content may be written in any interface language (a superset could be set here).
CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "UTC"
USE_TZ = True

# Content translations: parler stores one row per language. We pick the language to
# show ourselves (requested, else the item's source language), so no global fallback.
# Parler's admin tabs follow the interface languages.
PARLER_LANGUAGES = {
    None: tuple({"code": code} for code, _name in LANGUAGES),
    "default": {"fallbacks": [], "hide_untranslated": False},
}
PARLER_DEFAULT_LANGUAGE_CODE = "en"

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
# WhiteNoise serves static files from the app itself, compressed, in every setting;
# finders let it serve straight from the source tree before `collectstatic` has run.
WHITENOISE_USE_FINDERS = True
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "gcmhub.core.storage.HashedStaticFilesStorage"},
}
# Uploaded files are private (attachments to submissions): served only through views that
# check permissions, never by URL from the web server.
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("GCMHUB_MEDIA_DIR", DATA_DIR / "media"))

# Email: written to the console unless an SMTP host is configured.
EMAIL_HOST = os.environ.get("GCMHUB_EMAIL_HOST", "")
EMAIL_BACKEND = os.environ.get(
    "GCMHUB_EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)
# For GCMHUB_EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend.
EMAIL_FILE_PATH = DATA_DIR / "mail"
EMAIL_PORT = int(os.environ.get("GCMHUB_EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("GCMHUB_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("GCMHUB_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("GCMHUB_EMAIL_USE_TLS", "1") == "1"
# The address people reach the Hub at, for links in emails.
GCMHUB_BASE_URL = os.environ.get("GCMHUB_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
DEFAULT_FROM_EMAIL = os.environ.get("GCMHUB_EMAIL_FROM", "GCM Hub <noreply@localhost>")
# Who runs this Hub: OAI-PMH's Identify gives it to harvesters.
GCMHUB_ADMIN_EMAIL = os.environ.get("GCMHUB_ADMIN_EMAIL", "gcmhub-admin@example.org")

# OAI-PMH (docs/oai-pmh.md): identifiers are oai:<namespace>:<kind>/<slug>; keep the
# namespace when the Hub moves to another address, so harvested identifiers stay valid.
GCMHUB_OAI_NAMESPACE = (
    os.environ.get("GCMHUB_OAI_NAMESPACE", "").strip()
    or urlsplit(GCMHUB_BASE_URL).hostname
    or "localhost"
)
GCMHUB_OAI_PAGE_SIZE = max(1, int(os.environ.get("GCMHUB_OAI_PAGE_SIZE", "100")))

# Background work (notification emails…) through Django's tasks API. Embedded default:
# tasks run in-process right after the transaction commits. "database" queues them for
# the `gcmhub db_worker` process, for deployments with several app processes.
_TASK_BACKENDS = {
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "database": "django_tasks_db.DatabaseBackend",
}
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[os.environ.get("GCMHUB_TASK_BACKEND", "immediate")]}}

# Reads are open to any origin; nothing that writes accepts a cross-origin cookie.
CORS_URLS_REGEX = r"^/(api/v1/|oai).*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
# Scripts may revalidate (If-None-Match) and read the validators they get back.
CORS_ALLOW_HEADERS = ["accept", "accept-language", "if-none-match", "if-modified-since"]
CORS_EXPOSE_HEADERS = ["ETag", "Retry-After"]

FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# Attachments to submissions; larger files are refused with a message, not stored.
GCMHUB_ATTACHMENT_MAX_BYTES = int(os.environ.get("GCMHUB_ATTACHMENT_MAX_MB", "10")) * 1_048_576

# Security headers, everywhere: pages load nothing from elsewhere and run no inline
# script (the Hub needs no JavaScript at all), cannot be framed, and send only their
# origin to other sites.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_HTTPONLY = True
# GCMHUB_HTTPS=1 when the Hub is served over HTTPS (production): HSTS, secure cookies,
# HTTP redirected to HTTPS. GCMHUB_BEHIND_PROXY=1 when a proxy terminates TLS and sets
# X-Forwarded-Proto.
if os.environ.get("GCMHUB_HTTPS", "0") == "1":
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 31_536_000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = os.environ.get("GCMHUB_HSTS_PRELOAD", "0") == "1"
# Preloading HSTS binds the whole domain and its subdomains for good: the operator's
# decision (GCMHUB_HSTS_PRELOAD=1), not a defect when they have not made it.
SILENCED_SYSTEM_CHECKS = ["security.W021"]
if os.environ.get("GCMHUB_BEHIND_PROXY", "0") == "1":
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    USE_X_FORWARDED_HOST = True
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("GCMHUB_CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

# --- Caches -----------------------------------------------------------------------------
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # Pages kept for anonymous visitors (core/pagecache.py, ADR 24), in each server process.
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("GCMHUB_PAGE_CACHE_ENTRIES", "2000"))},
    },
    # Rate-limit counters, in files every server process on the machine shares (below).
    "ratelimit": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": DATA_DIR / "cache" / "ratelimit",
        "OPTIONS": {"MAX_ENTRIES": 100_000},
    },
}
GCMHUB_PAGE_CACHE_SECONDS = int(os.environ.get("GCMHUB_PAGE_CACHE_SECONDS", "300"))

# --- Rate limits (docs/adr/0022-rate-limits-and-security-tests.md) ---------------------
# Requests counted per client address, and per person or API token where known, in fixed
# windows. The counters live in files under GCMHUB_DATA_DIR, so every server process on
# the machine (gunicorn's workers, the development server) counts against the same ones
# with no extra service. Each rate is "<count>/<period>" (s, m, h, d; "30/10m" = 30 in
# ten minutes); an empty value turns that limit off. Over a limit: HTTP 429, Retry-After.
RATELIMIT_USE_CACHE = "ratelimit"
# A counter that cannot be read lets the request through: a full disk must not lock
# everyone out (the limits slow abuse; they are not what keeps data safe).
RATELIMIT_FAIL_OPEN = True
RATELIMIT_IP_META_KEY = "gcmhub.core.ratelimits.client_ip"
# Behind a proxy every request comes from the proxy: count the address it appended.
GCMHUB_CLIENT_IP_FROM_PROXY = os.environ.get("GCMHUB_BEHIND_PROXY", "0") == "1"


def _rate(variable: str, default: str) -> str:
    value = os.environ.get(variable, default).strip()
    if value and not re.fullmatch(r"[1-9]\d*/\d*[smhd]", value):
        raise ImproperlyConfigured(f'{variable}="{value}": expected e.g. "10/h" or "600/m".')
    return value


GCMHUB_RATE_LIMITS = {
    "login": _rate("GCMHUB_RATE_LOGIN", "60/h"),
    "registration": _rate("GCMHUB_RATE_REGISTRATION", "20/h"),
    "password_reset": _rate("GCMHUB_RATE_PASSWORD_RESET", "10/h"),
    "submission": _rate("GCMHUB_RATE_SUBMISSION", "120/h"),
    "api_read": _rate("GCMHUB_RATE_API_READ", "600/m"),
    "api_write": _rate("GCMHUB_RATE_API_WRITE", "60/m"),
}
# --- end of rate limits ---------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("GCMHUB_LOG_LEVEL", "WARNING")},
}
