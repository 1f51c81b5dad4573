"""Passkeys as a second factor, in real Chromium with its virtual authenticator (the
WebAuthn protocol end to end, with no device): a verified editor adds a passkey, signs
out, signs in with the password and passes two-step verification with the passkey."""

from urllib.parse import urlsplit

from django.contrib.auth import get_user_model

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from tests.deploy.test_two_factor import code_for

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "a-long-password-1"


@pytest.fixture
def passkey_site(settings, live_server):
    """The relying party is the live server's host, as BASE_URL's is in production."""
    settings.ADMIN_REQUIRE_2FA = True
    settings.OTP_WEBAUTHN_RP_ID = urlsplit(live_server.url).hostname
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = [live_server.url]
    return live_server


@pytest.fixture
def authenticator(page):
    """A platform authenticator that says yes, as a fingerprint reader would."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    cdp.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
            }
        },
    )
    return cdp


def sign_in(page, username):
    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")


def test_an_editor_adds_a_passkey_and_verifies_with_it(page, passkey_site, authenticator):
    user = get_user_model().objects.create_user(
        "toimittaja", "toimittaja@example.org", PASSWORD, is_superuser=True
    )
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    sign_in(page, "toimittaja")
    page.fill("#id_token", code_for(device))
    page.click("button[type=submit]")

    page.goto("/admin/two-factor/recovery-codes/")
    page.click("#passkey-register-button")
    page.wait_for_function(
        "() => document.querySelector('#passkey-register-status-message')"
        "?.textContent.trim().length > 0"
    )
    assert WebAuthnCredential.objects.filter(user=user, confirmed=True).count() == 1

    page.context.clear_cookies()
    sign_in(page, "toimittaja")
    assert "/admin/two-factor/" in page.url
    page.click("#passkey-verification-button")
    page.wait_for_url(passkey_site.url + "/admin/")

    assert page.locator("main").is_visible()
    assert "/two-factor/" not in page.url
