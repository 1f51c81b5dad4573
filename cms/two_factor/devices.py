"""The user's second factors: one authenticator app (TOTP), any number of passkeys
(WebAuthn) and a set of recovery codes."""

import base64

import segno
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

RECOVERY_CODE_COUNT = 10
APP_DEVICE_NAME = "app"
RECOVERY_DEVICE_NAME = "recovery"


def pending_app_device(user):
    """The unconfirmed authenticator device being set up, made once per user so that
    reloading the page keeps the same secret the app has already scanned."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE_NAME, confirmed=False)


def qr_code_svg(device):
    return segno.make(device.config_url, error="m").svg_inline(scale=5, border=2)


def manual_key(device):
    """The secret as the base32 text an app asks for when the QR code cannot be scanned."""
    key = base64.b32encode(device.bin_key).decode()
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def confirm_app_device(user, device):
    """Make ``device`` the user's only authenticator app."""
    TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])


def new_recovery_codes(user):
    """Replace the user's recovery codes with fresh ones; returns them (shown once)."""
    device, _ = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_codes_left(user):
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()


def passkeys(user):
    """The user's passkeys, newest first (django-otp-webauthn keeps them as devices)."""
    return WebAuthnCredential.objects.filter(user=user, confirmed=True).order_by("-pk")
