"""A member's own page: asking for a sign-in link, signing in with it, the page with
every app's section and the profile, downloading one's data and deleting oneself."""

import json

from django.contrib import messages
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from cms.client_address import client_address
from cms.ratelimit import RateLimit, too_many_requests
from network.members import data_rights, my_page
from network.members.emails import send_sign_in_link
from network.members.forms import DeleteForm, ProfileForm, SignInRequestForm
from network.members.sign_in import current_member, member_from_token, sign_in, sign_out
from network.models import Member

# Per client address: enough for a shared office; per address: a few tries an hour.
REQUESTS_PER_CLIENT = RateLimit("member-sign-in:client", limit=20, window=60 * 60)
REQUESTS_PER_EMAIL = RateLimit("member-sign-in:email", limit=3, window=60 * 60)


def _sign_in_first():
    return HttpResponseRedirect(reverse("network:sign_in_request"))


@never_cache
@require_http_methods(["GET", "POST"])
def sign_in_request(request):
    """The same answer whether or not the address belongs to a member, so the form
    tells nobody who is in the network."""
    if request.method == "GET":
        form = SignInRequestForm()
        return render(request, "network/sign_in_request.html", {"form": form})
    form = SignInRequestForm(request.POST)
    if not form.is_valid():
        return render(request, "network/sign_in_request.html", {"form": form}, status=400)
    email = form.cleaned_data["email"].strip().lower()
    over_client = REQUESTS_PER_CLIENT.hit(client_address(request))
    over_email = REQUESTS_PER_EMAIL.hit(email)
    if over_client or over_email:
        return too_many_requests(
            request,
            _("Too many sign-in links asked for. Please try again in an hour."),
            retry_after=REQUESTS_PER_EMAIL.window,
        )
    member = Member.objects.filter(email__iexact=email).first()
    if member is not None:
        send_sign_in_link(member, get_language())
    return HttpResponseRedirect(reverse("network:sign_in_sent"))


def sign_in_sent(request):
    return render(request, "network/sign_in_sent.html")


@never_cache
@require_http_methods(["GET", "POST"])
def sign_in_with_link(request, token):
    """GET asks for a click (mail scanners that open links do not spend them); the
    POST spends the link and signs in."""
    member = member_from_token(token)
    if member is None:
        return render(request, "network/sign_in_invalid.html", status=400)
    if request.method == "POST":
        sign_in(request, member)
        return HttpResponseRedirect(reverse("network:my_page"))
    return render(request, "network/sign_in_confirm.html")


@never_cache
@require_http_methods(["GET", "POST"])
def my_page_view(request):
    member = current_member(request)
    if member is None:
        return _sign_in_first()
    data = request.POST if request.method == "POST" else None
    form = ProfileForm(data, instance=member)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your details have been saved."))
        return HttpResponseRedirect(reverse("network:my_page") + "#profile")
    context = {
        "member": member,
        "form": form,
        "sections": my_page.sections_for(request, member),
    }
    return render(request, "network/my_page.html", context, status=400 if form.errors else 200)


@never_cache
def download(request):
    member = current_member(request)
    if member is None:
        return _sign_in_first()
    data = data_rights.export(member)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    filename = f"my-data-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def delete(request):
    member = current_member(request)
    if member is None:
        return _sign_in_first()
    form = DeleteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data_rights.erase(member)
        sign_out(request)
        return render(request, "network/deleted.html")
    status = 400 if form.errors else 200
    return render(request, "network/delete.html", {"form": form}, status=status)


@require_POST
def sign_out_view(request):
    sign_out(request)
    messages.success(request, _("You have signed out."))
    return HttpResponseRedirect(reverse("network:sign_in_request"))
