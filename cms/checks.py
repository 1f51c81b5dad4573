"""System checks for what settings alone cannot refuse: `check --deploy` reports them."""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.checks import Error, Tags, register


@register(Tags.security, deploy=True)
def base_url_is_public_https(app_configs, **kwargs):
    """Every e-mailed, feed and invite link is built from BASE_URL, so in production it
    must be the public HTTPS address, not a development default."""
    parts = urlsplit(settings.BASE_URL)
    if parts.scheme != "https" or not parts.hostname:
        return [
            Error(
                f"BASE_URL is {settings.BASE_URL!r}; links in e-mails and feeds need the "
                "site's public https:// address.",
                hint="Set BASE_URL, for example BASE_URL=https://osallisuus.example.org.",
                id="cms.E001",
            )
        ]
    if parts.hostname in {"localhost", "127.0.0.1", "::1"}:
        return [Error("BASE_URL points at this machine.", id="cms.E002")]
    return []
