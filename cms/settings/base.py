"""Settings shared by every environment; each value an operator may change comes from
the environment (see the table in README.md)."""

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url

from .environment import (
    base_url,
    env_bool,
    env_float,
    env_int,
    env_list,
    env_prefixed,
    env_str,
)

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(env_str("VAR_DIR", str(BASE_DIR / "var")))

SECRET_KEY = env_str("SECRET_KEY")
DEBUG = False
# True only in cms.settings.production: development helpers (ensure_admin) refuse to run.
PRODUCTION = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
BASE_URL = base_url()
WAGTAILADMIN_BASE_URL = BASE_URL
# How many reverse proxies of our own stand in front of the site (nginx: 1; a load
# balancer and nginx: 2). Only their X-Forwarded-For entries are believed; 0 ignores it.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
WAGTAIL_ADMIN_PATH = env_str("WAGTAIL_ADMIN_PATH", "admin").strip("/") + "/"

INSTALLED_APPS = [
    "cms",
    "events",
    "network",
    "newsletters",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.table_block",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_tasks",
    "django_tasks_db",
    "anymail",
    "rest_framework",
    "drf_spectacular",
    "corsheaders",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # The page cache (cms/page_cache): this half stores what the visitor got...
    "cms.page_cache.middleware.UpdatePageCacheMiddleware",
    "cms.request_memo.RequestMemoMiddleware",
    "csp.middleware.CSPMiddleware",
    "cms.preview.PreviewFramingMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "cms.two_factor.middleware.RequireTwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # ...and this half answers from the cache after every other middleware has looked at
    # the request, so a hit still gets their response headers.
    "cms.page_cache.middleware.FetchPageCacheMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
    # After every check on the request: it calls the page add view itself, in a lock.
    "cms.page_creation.SerializePageCreation",
]

ROOT_URLCONF = "cms.urls"

# Open data under /api/: read-only JSON anyone may fetch, from any origin, without signing
# in (no sessions, so no CSRF either); each app adds its endpoints in its api.py.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_PAGINATION_CLASS": "cms.api_pagination.BaseUrlPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Sokra open data",
    "DESCRIPTION": "Projects, practice models and upcoming events of the social inclusion "
    "network. Read-only; every item links to its public page.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "PREPROCESSING_HOOKS": ["cms.api.only_open_data"],
}
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_URLS_REGEX = r"^/api/.*$"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite under var/ unless DATABASE_URL says otherwise.
DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web process read while the task worker writes; IMMEDIATE
    # transactions take the write lock up front, so two writers queue for it
    # (busy timeout) instead of failing with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


def redis_cache(url):
    """The cache in Redis at `url`, failing soft (cms/cache_backends.py): when Redis is
    down, pages render without it and rate limits count per process (docs/operations.md).
    Timeouts in seconds: a live Redis nearby answers in a millisecond."""
    return {
        "BACKEND": "cms.cache_backends.ResilientRedisCache",
        "LOCATION": url,
        "KEY_PREFIX": "osallisuus",
        "OPTIONS": {
            "socket_connect_timeout": env_float("REDIS_TIMEOUT", 0.5),
            "socket_timeout": env_float("REDIS_TIMEOUT", 0.5),
            # After a failure, each process leaves Redis alone this long.
            "retry_after": env_int("REDIS_RETRY_AFTER", 5),
        },
    }


# Cache: Redis when REDIS_URL is set, otherwise this process's memory.
REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {"default": redis_cache(REDIS_URL)}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Page cache (cms/page_cache, docs/operations.md): anonymous Wagtail page responses are
# kept in the default cache for PAGE_CACHE_SECONDS and forgotten on every change that can
# show on a page. PAGE_CACHE=0 turns it off (the benchmark's uncached run).
PAGE_CACHE = env_bool("PAGE_CACHE", True)
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
# An HTTP cache in front (Varnish, docs/deploy.md) that accepts PURGE requests, e.g.
# http://127.0.0.1:6081; pages tell it what it may share with Cache-Control s-maxage.
FRONTEND_CACHE_URL = env_str("FRONTEND_CACHE_URL")
if FRONTEND_CACHE_URL:
    # Only then: the app queues a purge task on every publish, configured or not.
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")
    WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_URL,
        }
    }

# Background work: a database queue that `manage.py db_worker` drains.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# Periodic jobs that `manage.py run_scheduled_jobs` (cron or a systemd timer, every
# minute) runs: management command name and the least seconds between two runs.
SCHEDULED_JOBS = [
    ("send_queued_email", 60),
    ("send_event_reminders", 60),
    ("resume_sends", 60),
    ("fail_stalled_imports", 5 * 60),
    ("send_event_surveys", 60 * 60),
    ("apply_retention", 24 * 60 * 60),
]

# Admin sign-in: django-axes counts failed logins per account and per client address
# (either one locks) in the database, so every web process shares the count and the
# attempts stay as an audit trail (Settings → Access attempts / failures). The password
# is never stored: axes masks AXES_SENSITIVE_PARAMETERS. Its log lines would carry the
# address and user name, so they are off; the database rows are the audit.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "cms.client_address.client_address"
AXES_LOCKOUT_CALLABLE = "cms.two_factor.lockout.locked_out"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
AXES_ENABLE_ACCESS_FAILURE_LOG = True

# Two-factor sign-in (TOTP app, recovery codes) for staff in the admin: required when
# on (production's default), offered but optional when off (development, tests).
ADMIN_REQUIRE_2FA = env_bool("ADMIN_REQUIRE_2FA", False)
OTP_TOTP_ISSUER = "Osallisuusverkosto"
# Passkeys (django-otp-webauthn) as a second factor beside the app, never instead of the
# password; bound to BASE_URL's host, so a passkey made for the site works only there.
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
OTP_WEBAUTHN_RP_NAME = OTP_TOTP_ISSUER
_site = urlsplit(BASE_URL)
if _site.scheme == "https" or _site.hostname == "localhost":
    OTP_WEBAUTHN_RP_ID = _site.hostname
    OTP_WEBAUTHN_ALLOWED_ORIGINS = [BASE_URL]
else:
    # Browsers offer passkeys only over https or on localhost: in development, open
    # the admin at http://localhost:<port> to try them.
    OTP_WEBAUTHN_RP_ID = "localhost"
    OTP_WEBAUTHN_ALLOWED_ORIGINS = [f"http://localhost:{_site.port or 80}"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Finnish first, then Swedish and English.
LANGUAGE_CODE = "fi"
LANGUAGES = [("fi", "Suomi"), ("sv", "Svenska"), ("en", "English")]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Read before every app's catalogue: besides cms's own strings it holds our Finnish and
# Swedish wording for Wagtail admin strings that Wagtail's catalogues lack or word oddly
# (cms/admin_strings.py; the admin's scripts in djangojs.po).
LOCALE_PATHS = [BASE_DIR / "cms" / "locale"]
# One date format per language for every page, feed and e-mail (see cms/formats).
FORMAT_MODULE_PATH = ["cms.formats"]
TIME_ZONE = "Europe/Helsinki"
USE_I18N = True
USE_TZ = True

# Static files and media.
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_URL = env_str("MEDIA_URL", "/media/")
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME")
if AWS_STORAGE_BUCKET_NAME:
    # Any S3-compatible service; boto3 reads AWS_ACCESS_KEY_ID and
    # AWS_SECRET_ACCESS_KEY from the environment itself.
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ENDPOINT_URL = env_str("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = env_str("AWS_S3_REGION_NAME") or None
    AWS_S3_CUSTOM_DOMAIN = env_str("AWS_S3_CUSTOM_DOMAIN") or None
    AWS_S3_FILE_OVERWRITE = False
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = False

# E-mail: saved to var/outbox/ unless EMAIL_BACKEND names another backend
# (for example anymail.backends.postmark.EmailBackend).
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "cms.outbox.file_backend.OutboxEmailBackend")
EMAIL_OUTBOX_DIR = VAR_DIR / "outbox"
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
# Seconds before an SMTP call gives up. Long enough for a throttling relay that takes 30 s
# a message: a client that gives up first cannot know whether the server took the message,
# and its retry would send it twice. Mail is only sent by tasks, whose newsletter lease is
# renewed by time, so a slow call holds up no request and loses no batch.
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 60)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Osallisuusverkosto <noreply@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
ANYMAIL = env_prefixed("ANYMAIL_")

# Newsletters: recipients per batch (one ESP call where the ESP merges), recipients per
# second (0: no limit), parallel connections when each recipient gets their own message
# (SMTP, ESPs without inline merge), soft bounces before an address counts as bounced.
NEWSLETTER_BATCH_SIZE = env_int("NEWSLETTER_BATCH_SIZE", 500)
NEWSLETTER_RATE_LIMIT = env_int("NEWSLETTER_RATE_LIMIT", 0)
NEWSLETTER_SEND_CONNECTIONS = env_int("NEWSLETTER_SEND_CONNECTIONS", 4)
NEWSLETTER_SOFT_BOUNCE_LIMIT = env_int("NEWSLETTER_SOFT_BOUNCE_LIMIT", 3)
# A worker holds the batch it sends on a lease of NEWSLETTER_LEASE_SECONDS, renewed by a
# heartbeat thread every NEWSLETTER_HEARTBEAT_SECONDS however long each message takes;
# the resume job hands a batch to another worker only once its lease has run out.
NEWSLETTER_LEASE_SECONDS = env_float("NEWSLETTER_LEASE_SECONDS", 40)
NEWSLETTER_HEARTBEAT_SECONDS = env_float("NEWSLETTER_HEARTBEAT_SECONDS", 10)
NEWSLETTER_UNSUBSCRIBE_ADDRESS = env_str("NEWSLETTER_UNSUBSCRIBE_ADDRESS")
# ESP tracking webhooks served besides the one EMAIL_BACKEND sends through (their URL
# segment, e.g. "mailgun,postmark"); every other ESP's webhook URL answers 404.
NEWSLETTER_WEBHOOK_ESPS = env_list("NEWSLETTER_WEBHOOK_ESPS")
# What an issue's pre-fill offers: content pages, not indexes, series or the week's page.
NEWSLETTER_PREFILL_PAGE_TYPES = env_list(
    "NEWSLETTER_PREFILL_PAGE_TYPES", "cms.NewsPage,cms.ResearchMessagePage,events.EventPage"
)

# Wagtail.
WAGTAIL_SITE_NAME = "Osallisuusverkosto"
# The header's "Sign in" link: a member's own page, which sends a visitor who is not
# signed in to the sign-in form. One link for everyone, so cached pages stay shareable.
MEMBER_PAGE_URL_NAME = "network:my_page"
WAGTAILIMAGES_IMAGE_MODEL = "cms.CustomImage"
WAGTAILIMAGES_FORMAT_CONVERSIONS = {"bmp": "jpeg", "gif": "webp"}
# Wagtail's database backend, ranked by FTS5 on SQLite (cms/search/sqlite.py).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "cms.search.backend"}}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # The site stems each page in its own language (cms/search/stemming.py); PostgreSQL's
    # Finnish stemming on top also serves the admin's searches, which are not stemmed.
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "finnish"
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {"WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea"},
}
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = DEFAULT_FROM_EMAIL

# Security headers for every environment; production adds HTTPS-only ones.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    # Wagtail's admin still needs inline scripts; the public site never does.
    "EXCLUDE_URL_PREFIXES": ["/" + WAGTAIL_ADMIN_PATH],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *env_list("CSP_IMG_SRC")],
        "media-src": ["'self'", *env_list("CSP_IMG_SRC")],
        "frame-src": ["https://www.youtube-nocookie.com", "https://player.vimeo.com"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        # Wagtail logs every page action at INFO; the audit log keeps them anyway.
        "wagtail": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
    },
}
