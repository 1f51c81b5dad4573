from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

import pytest


def test_ensure_admin_refuses_under_production_settings(db, settings, tmp_path):
    settings.PRODUCTION = True
    settings.VAR_DIR = tmp_path
    with pytest.raises(CommandError, match="createsuperuser"):
        call_command("ensure_admin")
    assert not get_user_model().objects.exists()
    assert not (tmp_path / "admin-password.txt").exists()


def test_ensure_admin_prints_the_login_at_base_url(db, settings, tmp_path, capsys):
    settings.VAR_DIR = tmp_path
    settings.BASE_URL = "http://127.0.0.1:8107"
    settings.WAGTAIL_ADMIN_PATH = "hallinta/"
    call_command("ensure_admin")
    out = capsys.readouterr().out
    assert "Site: http://127.0.0.1:8107/\n" in out
    assert "Admin: http://127.0.0.1:8107/hallinta/ " in out
    assert ":8000" not in out
    assert get_user_model().objects.get(username="admin").is_superuser
