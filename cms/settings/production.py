"""Production: PostgreSQL, Redis, HTTPS, an ESP through anymail. Refuses to start
without a real secret key and host names."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import REDIS_URL, SECRET_KEY, VAR_DIR, env_bool, env_int, env_str

if len(SECRET_KEY) < 50 or SECRET_KEY.startswith(("dev-", "test-", "django-insecure")):
    raise ImproperlyConfigured("Set SECRET_KEY to a random value of at least 50 characters.")
if not ALLOWED_HOSTS:  # noqa: F405
    raise ImproperlyConfigured("Set ALLOWED_HOSTS to the site's host names, comma-separated.")
if not env_str("BASE_URL"):
    raise ImproperlyConfigured(
        "Set BASE_URL to the site's public address, e.g. https://example.org."
    )

DEBUG = False
PRODUCTION = True
ADMIN_REQUIRE_2FA = env_bool("ADMIN_REQUIRE_2FA", True)

# The default SQLite file, local media and the outbox live here: create it, as
# development does, so a first `migrate` on the default path works.
VAR_DIR.mkdir(parents=True, exist_ok=True)

# Sessions, the cache and rate limits must be shared by every web process: in Redis
# when REDIS_URL is set, otherwise in the database (the table is made by `migrate`).
# Never in one process's memory.
if not REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "cms_cache",
        }
    }
# WhiteNoise serves the collected static files straight after the security headers.
MIDDLEWARE = [*MIDDLEWARE[:1], "whitenoise.middleware.WhiteNoiseMiddleware", *MIDDLEWARE[1:]]  # noqa: F405
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
if env_bool("BEHIND_HTTPS_PROXY", True):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
