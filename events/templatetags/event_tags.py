from django import template
from django.conf import settings
from django.utils import timezone

from wagtail.models import Locale

from cms.models import SiteSettings
from cms.request_memo import live_children, locale_for_id
from cms.templatetags.site_tags import active_home
from events.formatting import event_when as format_event_when
from events.listing import live_events_in_language
from events.models import EventIndexPage, ParticipationWeekPage
from events.models.seats import seats_of, with_seats
from events.registrations.forms import RegistrationForm
from events.registrations.links import privacy_notice_url

register = template.Library()


@register.filter
def event_when(event):
    """The event's date and time in the active language."""
    return format_event_when(event)


def _privacy_url(request):
    return privacy_notice_url(request, SiteSettings.for_request(request))


@register.inclusion_tag("events/registration/section.html", takes_context=True)
def registration_section(context, page):
    """The registration form of an event page, or why registration is closed. Seats
    are the event record's, shared by every language; the questions are worded in the
    page's language."""
    event = page.record
    if not event.registration_enabled:
        return {"event": event}
    seats = seats_of(event)
    full = seats.full
    return {
        "request": context["request"],
        "csrf_token": context.get("csrf_token"),
        "event": event,
        "page": page,
        "form": RegistrationForm(page=page, privacy_url=_privacy_url(context["request"])),
        "closed_reason": event.registration_closed_reason(),
        "full": full,
        "full_without_queue": full and not event.waiting_list_enabled,
        # A cancelled event has no seats to offer, whatever is left of them.
        "seats": "" if event.is_cancelled else seats.label(),
    }


@register.inclusion_tag("events/includes/upcoming_events.html", takes_context=True)
def upcoming_events(context, count=3):
    """The next events as cards with a link to all events, for the home page."""
    request = context.get("request")
    events = with_seats(live_events_in_language().upcoming()[:count])
    return {"request": request, "events": events, "index": _event_index(request)}


def _event_index(request):
    """The events index in the active language: a child of the home page, which the main
    menu has already read, or else the first one anywhere."""
    home = active_home(request) if request is not None else None
    if home is not None:
        for child in live_children(home):
            if isinstance(child, EventIndexPage):
                return child
    return _in_active_language(EventIndexPage.objects.live().public().first())


@register.inclusion_tag("events/includes/participation_week_banner.html", takes_context=True)
def participation_week_banner(context):
    """The next participation week while it is upcoming or under way, else nothing: the
    Finnish week's dates decide, the active language's version shows (one query)."""
    weeks = ParticipationWeekPage.objects.live().public()
    next_week = (
        weeks.filter(
            end_date__gte=timezone.localdate(), locale__language_code=settings.LANGUAGE_CODE
        )
        .order_by("start_date")
        .values("translation_key")[:1]
    )
    versions = {
        locale_for_id(week.locale_id).language_code: week
        for week in weeks.filter(translation_key__in=next_week)
    }
    active = Locale.get_active().language_code
    week = versions.get(active) or versions.get(settings.LANGUAGE_CODE)
    return {"request": context.get("request"), "week": week}


def _in_active_language(page):
    """`page` in the active language when it has been translated."""
    if page is None:
        return None
    return page.get_translation_or_none(Locale.get_active()) or page


@register.simple_tag
def event_seats(event):
    """Seats left on a card, from `with_seats` when the listing computed them."""
    if not event.registration_enabled or event.is_cancelled:
        return ""
    seats = getattr(event, "seats", None) or seats_of(event)
    return seats.label()


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced, e.g. for the next page."""
    params = context["request"].GET.copy()
    for name, value in changes.items():
        params[name] = value
    return params.urlencode()
