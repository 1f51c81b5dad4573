"""The events app's sections of a member's own page (network.members.my_page): their
registrations, with cancelling through the events service, and their
participation-week submissions with each one's own edit link."""

from django.contrib import messages
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from events.models import Event, Registration, Submission
from events.participation_week.links import manage_url as submission_url
from events.registrations import services
from events.registrations.links import manage_url
from network.members import my_page
from network.members.sign_in import current_member


def _registrations(member):
    return (
        Registration.objects.filter(Q(member=member) | Q(email__iexact=member.email))
        .filter(anonymised_at__isnull=True)
        .select_related("event")
        .order_by("-event__start", "pk")
    )


def registrations_context(request, member):
    """One row per registration: the event's page in the reader's language (a withdrawn
    event's page still answers, saying it was cancelled), and the status to show. A
    cancelled or withdrawn event is shown as cancelled, with nothing left to cancel."""
    now = timezone.now()
    language = get_language()
    rows = []
    for registration in _registrations(member).prefetch_related("event__pages"):
        event = registration.event
        rows.append(
            {
                "registration": registration,
                "event": event,
                "page": event.page_in(language),
                "status": _status(registration, event),
                "event_cancelled": event.is_cancelled,
                "manage_url": manage_url(registration),
                "can_cancel": (
                    not registration.is_cancelled and not event.is_cancelled and event.end >= now
                ),
            }
        )
    return {"rows": rows}


def _status(registration, event):
    if event.is_cancelled and not registration.is_cancelled:
        return _("Event cancelled")
    return registration.get_status_display()


def _cancellable(member):
    """Registrations the member may still cancel: active, for an event to come that
    has been neither cancelled nor withdrawn."""
    return (
        _registrations(member)
        .active()
        .filter(event__end__gte=timezone.now(), event__withdrawn_at__isnull=True)
        .exclude(event__status=Event.Status.CANCELLED)
    )


def submissions_context(request, member):
    submissions = Submission.objects.filter(
        Q(member=member) | Q(contact_email__iexact=member.email)
    ).select_related("week")
    return {"rows": [(submission, submission_url(submission)) for submission in submissions]}


@require_POST
def cancel(request, registration_id):
    """Cancel one of the signed-in member's registrations from their own page."""
    member = current_member(request)
    if member is None:
        return HttpResponseRedirect(reverse("network:sign_in_request"))
    registration = get_object_or_404(_cancellable(member), pk=registration_id)
    services.cancel(registration)
    messages.success(
        request, _("Your registration has been cancelled and a confirmation sent by e-mail.")
    )
    return HttpResponseRedirect(reverse("network:my_page") + "#registrations")


def register():
    my_page.register_section(
        "registrations",
        template="events/my_page/registrations.html",
        context=registrations_context,
        order=10,
    )
    my_page.register_section(
        "submissions",
        template="events/my_page/submissions.html",
        context=submissions_context,
        order=30,
    )
