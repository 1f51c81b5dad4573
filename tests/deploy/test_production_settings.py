"""Production settings, loaded as an operator's process would load them."""

import json
import os
import subprocess
import sys

import pytest

PROBE = """
import json, django
django.setup()
from django.conf import settings
from django.db import connection
connection.ensure_connection()
print(json.dumps({
    "cache": settings.CACHES["default"]["BACKEND"],
    "sessions": settings.SESSION_ENGINE,
    "require_2fa": settings.ADMIN_REQUIRE_2FA,
    "production": settings.PRODUCTION,
    "debug": settings.DEBUG,
}))
"""


def production(tmp_path, **extra):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "ADMIN_REQUIRE_2FA"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.production",
        SECRET_KEY="x" * 60,
        ALLOWED_HOSTS="sokra.example.org",
        BASE_URL="https://sokra.example.org",
        VAR_DIR=str(tmp_path / "fresh" / "var"),
        **extra,
    )
    return subprocess.run(  # noqa: S603
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=False
    )


@pytest.fixture(scope="module")
def default_install(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("prod")
    result = production(tmp_path)
    assert result.returncode == 0, result.stderr
    return tmp_path, json.loads(result.stdout)


def test_a_fresh_install_can_open_its_default_sqlite_database(default_install):
    tmp_path, _ = default_install
    assert (tmp_path / "fresh" / "var" / "db.sqlite3").exists()


def test_without_redis_the_cache_is_the_database_never_process_memory(default_install):
    _, values = default_install
    assert values["cache"] == "django.core.cache.backends.db.DatabaseCache"
    assert values["sessions"] == "django.contrib.sessions.backends.db"


def test_with_redis_the_cache_is_redis_failing_soft(tmp_path):
    result = production(tmp_path, REDIS_URL="redis://127.0.0.1:6379/7")
    assert json.loads(result.stdout)["cache"] == "cms.cache_backends.ResilientRedisCache"


def test_production_requires_two_factor_and_refuses_dev_helpers(default_install):
    _, values = default_install
    assert values["require_2fa"] is True
    assert values["production"] is True
    assert values["debug"] is False


def test_two_factor_can_be_switched_off_explicitly(tmp_path):
    result = production(tmp_path, ADMIN_REQUIRE_2FA="off")
    assert json.loads(result.stdout)["require_2fa"] is False


def test_development_and_tests_do_not_require_two_factor(settings):
    assert settings.ADMIN_REQUIRE_2FA is False
    assert settings.PRODUCTION is False


def test_deploy_check_refuses_a_cache_in_process_memory(settings):
    from cms.checks import cache_is_shared

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    assert [error.id for error in cache_is_shared(None)] == ["cms.E003"]
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache"}}
    assert cache_is_shared(None) == []
