"""System checks run by `manage.py check --deploy`."""

from django.core.checks import Error, Tags, register

from newsletters.webhooks import webhook_secret


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
