"""The events app's sections of a member's own page (network.my_page): their
registrations, with cancelling through the events service, and their
participation-week submissions with each one's own edit link."""

from django.contrib import messages
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from events.models import Registration, Submission
from events.participation_week.links import manage_url as submission_url
from events.registrations import services
from events.registrations.links import manage_url
from network import my_page
from network.sign_in import current_member


def _registrations(member):
    return (
        Registration.objects.filter(Q(member=member) | Q(email__iexact=member.email))
        .filter(anonymised_at__isnull=True)
        .select_related("event")
        .order_by("-event__start")
    )


def registrations_context(request, member):
    now = timezone.now()
    rows = [
        {
            "registration": registration,
            "event": registration.event,
            "manage_url": manage_url(registration),
            "can_cancel": not registration.is_cancelled and registration.event.end >= now,
        }
        for registration in _registrations(member)
    ]
    return {"rows": rows}


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
    registration = get_object_or_404(
        _registrations(member).active(), pk=registration_id, event__end__gte=timezone.now()
    )
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
