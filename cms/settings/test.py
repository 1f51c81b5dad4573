"""Settings for the test suite: fast, isolated, never sends real e-mail."""

from .base import *  # noqa: F403
from .base import env_str

SECRET_KEY = "test-only-insecure-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
BASE_URL = WAGTAILADMIN_BASE_URL = "http://testserver"

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Off, so that a test reads the page it just changed; tests/cms/test_page_cache.py turns
# it on (the cache outlives each test's database).
PAGE_CACHE = False
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = VAR_DIR / "test-media"  # noqa: F405
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # In memory, so checks and tests need no var/ folder, unless a run asks for a file.
    DATABASES["default"]["NAME"] = ":memory:"  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": env_str("TEST_SQLITE_NAME") or None}  # noqa: F405
