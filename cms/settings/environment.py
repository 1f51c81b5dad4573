"""Small readers for settings that come from environment variables.

Each reader looks in the process's environment first, then in the checkout's `.env`
file (KEY=value lines, the file Procfile runners such as honcho read too). So the web
server, the task worker, the scheduled jobs and a management command run by hand all
see the same BASE_URL, whichever shell started them; the default only applies when
neither names it."""

import os
from pathlib import Path
from urllib.parse import urlsplit

ENV_FILE = Path(__file__).resolve().parent.parent.parent / ".env"
DEFAULT_BASE_URL = "http://127.0.0.1:8000"


def read_env_file(path):
    """The variables of a .env file: `KEY=value` lines, optionally `export`ed or quoted;
    blank lines and `#` comments are skipped. No file, no variables."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return {}
    variables = {}
    for line in lines:
        line = line.strip().removeprefix("export ").strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        name, value = (part.strip() for part in line.split("=", 1))
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
            value = value[1:-1]
        variables[name] = value
    return variables


_FILE = read_env_file(ENV_FILE)


def _get(name, default=None):
    return os.environ.get(name, _FILE.get(name, default))


def env_str(name, default=""):
    return _get(name, default)


def env_bool(name, default=False):
    value = _get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    value = _get(name)
    return int(value) if value else default


def env_float(name, default):
    value = _get(name)
    return float(value) if value else default


def env_list(name, default=""):
    """A comma-separated list, blanks dropped."""
    return [item.strip() for item in _get(name, default).split(",") if item.strip()]


def env_prefixed(prefix):
    """Every variable starting with `prefix`, keyed by the rest of its name.

    anymail reads its ESP credentials from one ``ANYMAIL`` dict; collecting
    ``ANYMAIL_*`` variables lets operators configure any ESP without code.
    """
    return {
        name.removeprefix(prefix): value
        for name, value in {**_FILE, **os.environ}.items()
        if name.startswith(prefix)
    }


def base_url():
    """The site's public address without a trailing slash: every link that leaves the
    site is built from it (cms.links), and `make run` serves there."""
    return env_str("BASE_URL", DEFAULT_BASE_URL).rstrip("/")


def run_address():
    """host:port of BASE_URL, where `make run`'s development server listens."""
    parts = urlsplit(base_url())
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return f"{parts.hostname}:{port}"
