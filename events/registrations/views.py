"""Public registration views: register for an event, and the registrant's own page
behind a signed link where they see, change or cancel their registration."""

from django.contrib import messages
from django.core import signing
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cms.client_address import client_address
from cms.models import SiteSettings
from cms.ratelimit import RateLimit, too_many_requests
from events.models import EventPage
from events.registrations import services
from events.registrations.forms import RegistrationForm
from events.registrations.links import privacy_notice_url, registration_from_token

# An office behind one NAT address registers many people; a bot posts many more. One
# person (address, e-mail, event) gets a few tries, then waits.
ADDRESS_LIMIT = RateLimit("events.register.address", limit=60, window=600)
PERSON_LIMIT = RateLimit("events.register.person", limit=5, window=600)
DONE_SALT = "events.registration.done"
DONE_MAX_AGE = 60 * 60


def _problem(request, message, *, status, event=None):
    return render(
        request,
        "events/registration/problem.html",
        {"message": message, "event": event},
        status=status,
    )


@require_http_methods(["GET", "POST"])
def register(request, event_id):
    page = EventPage.objects.live().public().filter(pk=event_id).first()
    if page is None:
        return _problem(
            request, _("This event cannot be found. It may have been removed."), status=404
        )
    if request.method == "GET":
        # The language switcher (or a reload) on a failed form arrives here as GET:
        # the event page in the chosen language shows the form as it stands now.
        return redirect(page.in_language(get_language()).get_url(request) + "#registration-heading")
    event = page.record
    address = client_address(request)
    if ADDRESS_LIMIT.hit(address):
        return _too_many(request, ADDRESS_LIMIT)
    site_settings = SiteSettings.for_request(request)
    privacy_url = privacy_notice_url(request, site_settings)
    form = RegistrationForm(request.POST, page=page, privacy_url=privacy_url)
    if form.is_bot():
        return _problem(request, _("The registration could not be sent."), status=400)
    if not form.is_valid():
        return _form_page(request, page, form, status=400)
    if PERSON_LIMIT.hit(address, form.cleaned_data["email"], event.pk):
        return _too_many(request, PERSON_LIMIT)
    data = form.registration_data()
    data["consent_version"] = services.privacy_notice_version(site_settings)
    try:
        outcome = services.register(event, data, language=get_language())
    except services.RegistrationBusy as busy:
        form.add_error(None, busy.message)
        response = _form_page(request, page, form, status=429)
        response["Retry-After"] = "5"
        return response
    except services.RegistrationError as error:
        return _problem(request, error.message, status=409, event=page)
    if not outcome.created:
        services.resend_link(outcome.registration)
        return render(request, "events/registration/already.html", {"event": page})
    token = signing.dumps(outcome.registration.pk, salt=DONE_SALT)
    return redirect("events:registered", token=token)


def _too_many(request, limit):
    message = _("Too many registrations from your address. Please wait a few minutes.")
    return too_many_requests(request, message, retry_after=limit.window)


def _form_page(request, event, form, *, status=200):
    return render(
        request, "events/registration/form_page.html", {"event": event, "form": form}, status=status
    )


def registered(request, token):
    """The notice after registering: what happened and what was sent where."""
    try:
        pk = signing.loads(token, salt=DONE_SALT, max_age=DONE_MAX_AGE)
    except signing.BadSignature:
        return _bad_link(request)
    registration = services.Registration.objects.select_related("event").filter(pk=pk).first()
    if registration is None:
        return _bad_link(request)
    return render(
        request,
        "events/registration/registered.html",
        {
            "registration": registration,
            "event": registration.event.page_in(get_language()),
            "position": registration.waiting_position(),
        },
    )


def _bad_link(request):
    return _problem(
        request,
        _(
            "This link does not work: it may be incomplete, expired or already used up. "
            "Open the link in your latest e-mail, or register again on the event page."
        ),
        status=400,
    )


@require_http_methods(["GET", "POST"])
def manage(request, token):
    registration = registration_from_token(token)
    if registration is None:
        return _bad_link(request)
    event = registration.event
    page = event.page_in(get_language())
    form = None
    if not registration.is_cancelled and not event.has_ended and not event.is_cancelled:
        initial = RegistrationForm.initial_from(registration)
        form = RegistrationForm(page=page, for_change=True, initial=initial)
    if request.method == "POST" and form is not None:
        action = request.POST.get("action")
        if action == "cancel":
            services.cancel(registration)
            messages.success(
                request,
                _("Your registration has been cancelled and a confirmation sent by e-mail."),
            )
            return HttpResponseRedirect(request.path)
        if action == "change":
            form = RegistrationForm(request.POST, page=page, for_change=True)
            if form.is_valid():
                services.update_answers(registration, form.registration_data())
                messages.success(request, _("Your details have been saved."))
                return HttpResponseRedirect(request.path)
    show_join = (
        registration.is_confirmed
        and event.is_online
        and not event.is_cancelled
        and not event.has_ended
    )
    return render(
        request,
        "events/registration/manage.html",
        {
            "registration": registration,
            "event": page,
            "form": form,
            "position": registration.waiting_position(),
            "join_url": event.online_join_url if show_join else "",
        },
        status=400 if form is not None and form.is_bound and form.errors else 200,
    )
