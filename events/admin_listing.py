"""The page explorer below event indexes, series and participation weeks shows when
each event takes place, not only when it was last edited, and sorts by it."""

from django.db.models import OuterRef, Subquery
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import Column
from wagtail.admin.views.pages.listing import ExplorableIndexView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page

from cms.dates import format_datetime
from events.models import EventIndexPage, EventPage, EventSeriesPage, ParticipationWeekPage


def takes_place(page):
    """The start of an event child, in the active language's format; blank for others."""
    start = getattr(page, "event_start", None)
    if start is None:
        return ""
    return format_datetime(start)


class EventChildrenIndexView(ExplorableIndexView):
    """The explorer of a page whose children are events (and, under the index, series
    and weeks): every child page listed, with a "Takes place" column."""

    base_columns = [
        *ExplorableIndexView.base_columns[:2],
        Column(
            "event_start",
            label=_("Takes place"),
            accessor=takes_place,
            sort_key="event_start",
            width="16%",
        ),
        *ExplorableIndexView.base_columns[2:],
    ]

    def get_base_queryset(self):
        starts = EventPage.objects.filter(pk=OuterRef("pk")).values("event__start")[:1]
        return super().get_base_queryset().annotate(event_start=Subquery(starts))


class EventPageViewSet(PageViewSet):
    """Event pages' admin views as Wagtail makes them, but the explorer of their parents
    lists every kind of child (so `model` is `Page` for the listing)."""

    model = EventPage
    index_view_class = EventChildrenIndexView
    parent_models = [EventIndexPage, EventSeriesPage, ParticipationWeekPage]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(model=Page, **kwargs)
