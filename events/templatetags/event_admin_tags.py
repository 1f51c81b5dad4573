"""Tags for the Wagtail admin templates that events override, and what they tell an
editor about withdrawing an event (the hooks in events/wagtail_hooks.py ask the same)."""

from dataclasses import dataclass, field

from django import template
from django.conf import settings

from events import lifecycle
from events.models import Event, EventPage

register = template.Library()


@dataclass
class Withdrawal:
    """What unpublishing or deleting one page of an event does to the whole event."""

    page: EventPage
    pages: list = field(default_factory=list)  # the live pages that go offline
    told: int = 0  # how many registrants are sent a cancellation

    @property
    def languages(self):
        """Names of the languages going offline, in the site's order (Suomi, Svenska…)."""
        names = dict(settings.LANGUAGES)
        codes = {page.locale.language_code for page in self.pages}
        return [str(names[code]) for code, _name in settings.LANGUAGES if code in codes]

    @property
    def other_languages(self):
        """Whether pages besides the one the editor acts on go offline."""
        return any(page.pk != self.page.pk for page in self.pages)


def withdrawal_of(page):
    """What withdrawing `page`'s event takes offline and who is told, or None for a page
    that is not an event. An event that has ended is only archived: its page goes, no
    other language and nobody is told; an event already cancelled tells nobody again."""
    if not isinstance(page, EventPage):
        return None
    event = Event.objects.get(pk=page.event_id)
    if event.has_ended:
        return Withdrawal(page, pages=[page] if page.live else [])
    pages = list(EventPage.objects.live().filter(event_id=event.pk).select_related("locale"))
    told = 0 if event.is_cancelled else lifecycle.active_registrations(page).count()
    return Withdrawal(page, pages=pages, told=told)


@register.simple_tag
def withdrawal_summary(page):
    """`withdrawal_of(page)` for the unpublish screen."""
    return withdrawal_of(page)


@register.simple_tag
def registrants_told_on_unpublish(page):
    """How many people unpublishing `page` sends a cancellation to: the active
    registrations of its event, in any language (0 for any other page)."""
    withdrawal = withdrawal_of(page)
    return withdrawal.told if withdrawal else 0
