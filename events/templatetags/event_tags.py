from django import template
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import Locale

from cms.models import SiteSettings
from events.formatting import event_when as format_event_when
from events.forms import RegistrationForm
from events.links import privacy_notice_url
from events.listing import live_events_in_language
from events.models import EventIndexPage, ParticipationWeekPage, Registration

register = template.Library()


@register.filter
def event_when(event):
    """The event's date and time in the active language."""
    return format_event_when(event)


def seats_text(event, confirmed):
    """ "12 seats left", "Waiting list open" or "" for events without a limit."""
    if event.capacity is None:
        return ""
    left = max(event.capacity - confirmed, 0)
    if left:
        return _("Seats left: %(count)s") % {"count": left}
    if event.waiting_list_enabled:
        return _("Full – waiting list open")
    return _("Full")


def _privacy_url(request):
    return privacy_notice_url(request, SiteSettings.for_request(request))


@register.inclusion_tag("events/registration/section.html", takes_context=True)
def registration_section(context, page):
    """The registration form of an event page, or why registration is closed. Seats and
    questions come from the page that holds the registrations in every language."""
    event = page.registration_event
    if not event.registration_enabled:
        return {"event": event}
    confirmed = Registration.objects.filter(event=event).confirmed().count()
    full = event.capacity is not None and confirmed >= event.capacity
    return {
        "request": context["request"],
        "csrf_token": context.get("csrf_token"),
        "event": event,
        "page": page,
        "form": RegistrationForm(event=event, privacy_url=_privacy_url(context["request"])),
        "closed_reason": event.registration_closed_reason(),
        "full": full,
        "full_without_queue": full and not event.waiting_list_enabled,
        "seats": seats_text(event, confirmed) if event.registration_enabled else "",
    }


@register.inclusion_tag("events/includes/upcoming_events.html", takes_context=True)
def upcoming_events(context, count=3):
    """The next events as cards with a link to all events, for the home page."""
    events = live_events_in_language().upcoming()[:count]
    return {
        "request": context.get("request"),
        "events": events,
        "index": _in_active_language(EventIndexPage.objects.live().public().first()),
    }


@register.inclusion_tag("events/includes/participation_week_banner.html", takes_context=True)
def participation_week_banner(context):
    """The next participation week while it is upcoming or under way, else nothing."""
    week = (
        ParticipationWeekPage.objects.live()
        .public()
        .filter(end_date__gte=timezone.localdate(), locale__language_code=settings.LANGUAGE_CODE)
        .order_by("start_date")
        .first()
    )
    return {"request": context.get("request"), "week": _in_active_language(week)}


def _in_active_language(page):
    """`page` in the active language when it has been translated."""
    if page is None:
        return None
    return page.get_translation_or_none(Locale.get_active()) or page


@register.simple_tag
def event_seats(event):
    """Seats left on a card; uses the listing's `confirmed_count` when it is there."""
    if not event.registration_enabled:
        return ""
    confirmed = getattr(event, "confirmed_count", None)
    if confirmed is None:
        confirmed = Registration.objects.filter(event=event).confirmed().count()
    return seats_text(event, confirmed)


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced, e.g. for the next page."""
    params = context["request"].GET.copy()
    for name, value in changes.items():
        params[name] = value
    return params.urlencode()
