"""What the event index page shows: the filters, and one page of events or a month.
`EventsConfig.ready` hands this to `EventIndexPage`, so the page model does not import
the listing and filter modules, which import the models."""

from events import listing
from events.filtering import EventFilterForm


def index_context(page, request):
    indexes = [page, *page.get_translations()]
    events = listing.live_events_in_language(within=indexes)
    filters = EventFilterForm(request.GET, auto_id="event-%s")
    past = request.GET.get("when") == "past"
    month_view = request.GET.get("view") == "month"
    context = {"filters": filters, "past": past, "month_view": month_view}
    if month_view:
        context["month"] = listing.month_view(events, filters, request.GET.get("month"))
    else:
        context["events"] = listing.event_list(events, filters, request.GET.get("page"), past=past)
    return context
