from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse

from django_otp import user_has_device

# Views a signed-in but unverified user must still reach: signing out, the two-factor
# views themselves (passkey verification included), and the admin's icons and script
# translations those pages load (else the redirect's HTML lands in the page instead).
OPEN_URL_NAMES = (
    "wagtailadmin_logout",
    "wagtailadmin_sprite",
    "wagtailadmin_javascript_catalog",
    "two_factor_verify",
    "two_factor_setup",
    "otp_webauthn:credential-authentication-begin",
    "otp_webauthn:credential-authentication-complete",
    "otp_webauthn:js-i18n-catalog",
)


class RequireTwoFactorMiddleware:
    """With ADMIN_REQUIRE_2FA on, every signed-in user in the admin has passed a second
    factor in this session: one with a device is sent to enter a code, one without to
    set one up. A password alone reaches nothing in the admin but these pages.

    Needs django_otp's OTPMiddleware before it (that sets ``user.is_verified``).
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/" + settings.WAGTAIL_ADMIN_PATH

    def __call__(self, request):
        if settings.ADMIN_REQUIRE_2FA and self._needs_second_factor(request):
            view = "two_factor_verify" if user_has_device(request.user) else "two_factor_setup"
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse(view)}?{query}")
        return self.get_response(request)

    def _needs_second_factor(self, request):
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return False
        if not request.path.startswith(self.admin_prefix):
            return False
        return request.path not in {reverse(name) for name in OPEN_URL_NAMES}
