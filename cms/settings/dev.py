"""Local development: `make run`. Nothing to install but Python."""

from .base import *  # noqa: F403
from .base import env_bool, env_list, env_str

DEBUG = True
SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")

# The SQLite database, outbox and media live here; create it on first use.
VAR_DIR.mkdir(parents=True, exist_ok=True)  # noqa: F405

# Off unless asked for (PAGE_CACHE=1): a changed template shows on the next reload.
PAGE_CACHE = env_bool("PAGE_CACHE", False)
