import json

from django import forms, template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from cms.models import SiteSettings
from events.formatting import event_when as format_event_when
from events.forms import RegistrationForm
from events.links import privacy_notice_url
from events.listing import live_events_in_language
from events.models import Registration

register = template.Library()


@register.filter
def event_when(event):
    """The event's date and time in the active language."""
    return format_event_when(event)


@register.filter
def is_choice_group(bound_field):
    return isinstance(bound_field.field.widget, forms.RadioSelect)


@register.filter
def is_checkbox(bound_field):
    return isinstance(bound_field.field.widget, forms.CheckboxInput)


@register.simple_tag
def field_widget(bound_field, hint_id, error_id):
    """The field's input with its hint and error tied to it for screen readers."""
    described_by = []
    if bound_field.help_text:
        described_by.append(hint_id)
    attrs = {}
    if bound_field.errors:
        described_by.append(error_id)
        attrs["aria-invalid"] = "true"
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    if bound_field.field.required:
        attrs["aria-required"] = "true"
    return bound_field.as_widget(attrs=attrs)


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
    """The next events as cards, for the home page."""
    events = live_events_in_language().upcoming()[:count]
    return {"request": context.get("request"), "events": events}


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


@register.simple_tag
def event_json_ld(event, url):
    """schema.org Event data for search engines; never carries the join link."""
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.lead,
        "startDate": event.local_start.isoformat(),
        "endDate": event.local_end.isoformat(),
        "eventStatus": JSON_LD_STATUS[event.status],
        "eventAttendanceMode": JSON_LD_ATTENDANCE[event.attendance_mode],
        "inLanguage": event.language,
        "url": url,
        "location": _json_ld_locations(event, url),
    }
    if event.organiser:
        data["organizer"] = {"@type": "Organization", "name": event.organiser.name}
    text = json.dumps(data, ensure_ascii=False).translate(JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


# Characters that could end the script element, escaped as JSON allows.
JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}
JSON_LD_STATUS = {
    "scheduled": "https://schema.org/EventScheduled",
    "postponed": "https://schema.org/EventPostponed",
    "cancelled": "https://schema.org/EventCancelled",
}
JSON_LD_ATTENDANCE = {
    "online": "https://schema.org/OnlineEventAttendanceMode",
    "onsite": "https://schema.org/OfflineEventAttendanceMode",
    "mixed": "https://schema.org/MixedEventAttendanceMode",
}


def _json_ld_locations(event, url):
    locations = []
    if event.is_onsite:
        locations.append(
            {
                "@type": "Place",
                "name": event.venue_name or event.municipality,
                "address": {
                    "@type": "PostalAddress",
                    "streetAddress": event.street_address,
                    "postalCode": event.postal_code,
                    "addressLocality": event.municipality,
                    "addressCountry": "FI",
                },
            }
        )
    if event.is_online:
        # The public page stands in for the private join link.
        locations.append({"@type": "VirtualLocation", "url": url})
    return locations
