from django.core import checks


def deploy_check_ids():
    return {message.id for message in checks.run_checks(include_deployment_checks=True)}


def test_deploy_check_fails_without_a_webhook_secret(settings):
    settings.ANYMAIL = {}

    assert "newsletters.E001" in deploy_check_ids()


def test_deploy_check_passes_with_a_webhook_secret(settings):
    settings.ANYMAIL = {"WEBHOOK_SECRET": "user:pass"}

    assert "newsletters.E001" not in deploy_check_ids()


def test_the_plain_check_does_not_ask_for_the_secret(settings):
    """`manage.py check` in development and CI runs without an ESP."""
    settings.ANYMAIL = {}

    assert "newsletters.E001" not in {m.id for m in checks.run_checks()}
