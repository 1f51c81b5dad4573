import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": "x9!k2v#p8m@q4z$w7r&t1y^u6i*o3e(a5s)d0f-g+h=j_l;c:b,n.m?",
    "ALLOWED_HOSTS": "osallisuus.example.org",
    "BASE_URL": "https://osallisuus.example.org",
    "ANYMAIL_WEBHOOK_SECRET": "esp:Zq8v2LmT4xR7wN1c",
}


def _without_test_flags(environ):
    """The environment minus the async-safety override the browser tests set."""
    return {k: v for k, v in environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}


def run_manage(*args, env):
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**_without_test_flags(os.environ), **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.django_db
def test_public_pages_carry_a_strict_content_security_policy(client, home):
    response = client.get("/")

    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "object-src 'none'" in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


@pytest.mark.django_db
def test_admin_is_served_at_the_configured_path(client):
    response = client.get("/admin/login/")

    assert response.status_code == 200


def test_production_settings_pass_the_deployment_check():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)

    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_the_deployment_check_fails_without_the_webhook_secret():
    """Without it the ESP webhooks stay closed and bounces are never recorded."""
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "ANYMAIL_WEBHOOK_SECRET"}

    result = run_manage("check", "--deploy", env=env)

    assert result.returncode != 0
    assert "newsletters.E001" in result.stderr + result.stdout


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("SECRET_KEY", "", "Set SECRET_KEY"),
        ("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production-at-all-ever", "SECRET_KEY"),
        ("ALLOWED_HOSTS", "", "Set ALLOWED_HOSTS"),
    ],
)
def test_production_settings_refuse_to_start_without_real_secrets(name, value, message):
    result = run_manage("check", env={**PRODUCTION_ENV, name: value})

    assert result.returncode != 0
    assert message in result.stderr
