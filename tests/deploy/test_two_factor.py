"""Two-step verification in the admin: required when ADMIN_REQUIRE_2FA is on."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

import pytest
import time_machine
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

ADMIN_HOME = "/admin/"


@pytest.fixture
def staff(db):
    return get_user_model().objects.create_user(
        "editor", "editor@example.org", "a-long-password-1", is_staff=True, is_superuser=True
    )


def code_for(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def sign_in(client, user):
    client.force_login(user)


def set_up_app(client):
    """Scan the QR code (read the pending device) and confirm with its first code."""
    client.get(reverse("two_factor_setup"))
    device = TOTPDevice.objects.get(confirmed=False)
    response = client.post(reverse("two_factor_setup"), {"token": code_for(device)})
    return device, response


@pytest.fixture
def required(settings):
    settings.ADMIN_REQUIRE_2FA = True


def test_when_not_required_a_password_reaches_the_admin(client, staff):
    sign_in(client, staff)
    assert client.get(ADMIN_HOME).status_code == 200


def test_when_required_a_user_without_device_is_sent_to_set_one_up(client, staff, required):
    sign_in(client, staff)
    response = client.get(ADMIN_HOME + "pages/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("two_factor_setup"))
    assert "next=%2Fadmin%2Fpages%2F" in response["Location"]


def test_setup_shows_a_qr_code_and_a_key(client, staff, required):
    sign_in(client, staff)
    response = client.get(reverse("two_factor_setup"))
    assert response.status_code == 200
    assert b"<svg" in response.content
    # Reloading keeps the same secret the app already scanned.
    client.get(reverse("two_factor_setup"))
    assert TOTPDevice.objects.filter(user=staff).count() == 1


def test_setting_up_an_app_opens_the_admin_and_shows_recovery_codes_once(client, staff, required):
    sign_in(client, staff)
    device, response = set_up_app(client)
    assert response.status_code == 200
    device.refresh_from_db()
    assert device.confirmed
    codes = response.context["codes"]
    assert len(codes) == 10
    assert all(code in response.content.decode() for code in codes)
    assert client.get(ADMIN_HOME).status_code == 200


def test_a_wrong_code_does_not_confirm_the_app(client, staff, required):
    sign_in(client, staff)
    client.get(reverse("two_factor_setup"))
    response = client.post(reverse("two_factor_setup"), {"token": "000000x"})
    assert response.status_code == 400
    assert not TOTPDevice.objects.filter(confirmed=True).exists()
    assert client.get(ADMIN_HOME).status_code == 302


def test_next_sign_in_asks_for_a_code_and_a_password_alone_is_not_enough(client, staff, required):
    sign_in(client, staff)
    device, _ = set_up_app(client)
    client.logout()
    sign_in(client, staff)
    response = client.get(ADMIN_HOME)
    assert response["Location"].startswith(reverse("two_factor_verify"))
    # Nor can a password alone set up another app on the account.
    response = client.get(reverse("two_factor_setup"))
    assert response["Location"].startswith(reverse("two_factor_verify"))
    bad = client.post(reverse("two_factor_verify"), {"token": "123", "next": ADMIN_HOME})
    assert bad.status_code == 400
    # A minute later (an app code works once, and a wrong one makes the next wait).
    with time_machine.travel(timezone.now() + timedelta(minutes=1)):
        device.refresh_from_db()
        good = client.post(
            reverse("two_factor_verify"), {"token": code_for(device), "next": "/admin/"}
        )
    assert good.status_code == 302
    assert good["Location"] == ADMIN_HOME
    assert client.get(ADMIN_HOME).status_code == 200


def test_a_recovery_code_signs_in_once(client, staff, required):
    sign_in(client, staff)
    _, response = set_up_app(client)
    code = response.context["codes"][0]
    client.logout()
    sign_in(client, staff)
    assert client.post(reverse("two_factor_verify"), {"token": code}).status_code == 302
    assert client.get(ADMIN_HOME).status_code == 200
    client.logout()
    sign_in(client, staff)
    assert client.post(reverse("two_factor_verify"), {"token": code}).status_code == 400
    assert StaticToken.objects.filter(device__user=staff).count() == 9


def test_verify_refuses_to_redirect_off_site(client, staff, required):
    sign_in(client, staff)
    _, response = set_up_app(client)
    client.logout()
    sign_in(client, staff)
    code = response.context["codes"][1]
    answer = client.post(
        reverse("two_factor_verify"), {"token": code, "next": "https://evil.example.org/"}
    )
    assert answer["Location"] == ADMIN_HOME


def test_new_recovery_codes_replace_the_old_ones(client, staff, required):
    sign_in(client, staff)
    _, first = set_up_app(client)
    response = client.post(reverse("two_factor_recovery_codes"))
    assert response.status_code == 200
    new_codes = set(response.context["codes"])
    stored = set(StaticToken.objects.filter(device__user=staff).values_list("token", flat=True))
    assert stored == new_codes
    assert not stored & set(first.context["codes"])


def test_anonymous_visitors_still_get_the_login_page(client, db, required):
    response = client.get(ADMIN_HOME)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_public_pages_are_not_affected(client, staff, required, home):
    sign_in(client, staff)
    assert client.get("/").status_code == 200


def test_an_unverified_user_reaches_the_icons_but_cannot_add_a_passkey(client, staff, required):
    """A password alone must not add a second factor; the verify page's icons load."""
    sign_in(client, staff)
    device = TOTPDevice.objects.create(user=staff, name="app", confirmed=True)
    assert device.pk

    sprite = client.get(reverse("wagtailadmin_sprite"))
    register = client.post(reverse("otp_webauthn:credential-registration-begin"))

    assert sprite.status_code == 200 and sprite["Content-Type"].startswith("image/svg")
    assert register.status_code == 302
    assert register["Location"].startswith(reverse("two_factor_verify"))


def test_the_verify_page_offers_a_passkey_only_to_users_with_one(client, staff, required):
    sign_in(client, staff)
    TOTPDevice.objects.create(user=staff, name="app", confirmed=True)

    page = client.get(reverse("two_factor_verify")).content.decode()

    assert "passkey-verification-placeholder" not in page
