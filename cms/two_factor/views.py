from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from django_otp import login as otp_login
from django_otp import match_token, user_has_device

from cms.two_factor import devices
from cms.two_factor.forms import TokenForm


def _next_url(request):
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return url
    return reverse("wagtailadmin_home")


@require_http_methods(["GET", "POST"])
def verify(request):
    """Ask a user with a second factor for a code from the app or a recovery code."""
    if not user_has_device(request.user):
        return redirect("two_factor_setup")
    form = TokenForm(request.POST or None)
    if form.is_valid():
        # Each device throttles wrong codes itself (growing delays), so guessing
        # six digits is not practical; a recovery code works once.
        device = match_token(request.user, form.cleaned_data["token"])
        if device:
            otp_login(request, device)
            return redirect(_next_url(request))
        form.add_error("token", _("The code is not valid. Check the app's clock and try again."))
    return TemplateResponse(
        request,
        "cms/two_factor/verify.html",
        {
            "form": form,
            "next": _next_url(request),
            "has_passkey": devices.passkeys(request.user).exists(),
        },
        status=200 if not form.errors else 400,
    )


@require_http_methods(["GET", "POST"])
def setup(request):
    """Set up an authenticator app; once its first code checks out, show recovery codes.

    Someone who only knows the password of an account that already has a device must
    not add their own, so that needs a verified session."""
    if user_has_device(request.user) and not request.user.is_verified():
        return redirect(f"{reverse('two_factor_verify')}?next={reverse('two_factor_setup')}")
    device = devices.pending_app_device(request.user)
    form = TokenForm(request.POST or None)
    if form.is_valid():
        if device.verify_token(form.cleaned_data["token"]):
            devices.confirm_app_device(request.user, device)
            otp_login(request, device)
            codes = devices.new_recovery_codes(request.user)
            return _show_codes(request, codes, next_url=_next_url(request))
        form.add_error("token", _("The code is not valid. Check the app's clock and try again."))
    context = {
        "form": form,
        "qr_code": devices.qr_code_svg(device),
        "manual_key": devices.manual_key(device),
        "next": _next_url(request),
    }
    return TemplateResponse(
        request, "cms/two_factor/setup.html", context, status=400 if form.errors else 200
    )


@require_http_methods(["GET", "POST"])
def recovery_codes(request):
    """How many recovery codes are left (a POST replaces them all with new ones), and
    the user's passkeys, where a verified user adds another."""
    if not request.user.is_verified():
        return redirect(f"{reverse('two_factor_verify')}?next={request.path}")
    if request.method == "POST":
        messages.success(request, _("New recovery codes made; the old ones no longer work."))
        return _show_codes(request, devices.new_recovery_codes(request.user))
    return TemplateResponse(
        request,
        "cms/two_factor/recovery_codes.html",
        {
            "codes_left": devices.recovery_codes_left(request.user),
            "passkeys": devices.passkeys(request.user),
        },
    )


def _show_codes(request, codes, next_url=""):
    return TemplateResponse(
        request,
        "cms/two_factor/new_codes.html",
        {"codes": codes, "next": next_url or reverse("wagtailadmin_home")},
    )
