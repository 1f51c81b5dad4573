"""System checks run by `manage.py check --deploy`."""

from django.core.checks import Error, Tags, register

from newsletters.webhooks import missing_configuration, served_esps, webhook_secret


@register(Tags.security, deploy=True)
def check_webhook_secret(app_configs, **kwargs):
    """Without the secret the ESP webhooks stay closed (403), so bounces and complaints
    would never be recorded and the site would keep mailing dead addresses."""
    if webhook_secret():
        return []
    return [
        Error(
            "ANYMAIL_WEBHOOK_SECRET is not set: the ESP tracking webhooks refuse every call.",
            hint="Set ANYMAIL_WEBHOOK_SECRET to a random 'user:password' and give the ESP "
            "the webhook URL https://user:password@host/uutiskirjeet/anymail/<esp>/tracking/.",
            id="newsletters.E001",
        )
    ]


@register(Tags.security, deploy=True)
def check_webhook_esps(app_configs, **kwargs):
    """A served ESP whose own webhook setting is missing answers 404 to its events."""
    from anymail import urls as anymail_urls

    errors = []
    served = served_esps()
    for pattern in anymail_urls.urlpatterns:
        esp = str(pattern.pattern).split("/")[0]
        if not pattern.name.endswith("tracking_webhook") or esp not in served:
            continue
        missing = missing_configuration(pattern.callback.view_class)
        if missing:
            errors.append(
                Error(
                    f"The {esp} tracking webhook answers 404: {missing}",
                    hint="Set the ESP's webhook key as an ANYMAIL_* variable, or remove "
                    "the ESP from NEWSLETTER_WEBHOOK_ESPS.",
                    id="newsletters.E002",
                )
            )
    return errors
