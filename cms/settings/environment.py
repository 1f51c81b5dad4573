"""Small readers for settings that come from environment variables."""

import os


def env_str(name, default=""):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name, default):
    value = os.environ.get(name)
    return int(value) if value else default


def env_float(name, default):
    value = os.environ.get(name)
    return float(value) if value else default


def env_list(name, default=""):
    """A comma-separated list, blanks dropped."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_prefixed(prefix):
    """Every variable starting with `prefix`, keyed by the rest of its name.

    anymail reads its ESP credentials from one ``ANYMAIL`` dict; collecting
    ``ANYMAIL_*`` variables lets operators configure any ESP without code.
    """
    return {
        name.removeprefix(prefix): value
        for name, value in os.environ.items()
        if name.startswith(prefix)
    }
