from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from cms.page_cache import invalidate_on
        from cms.request_memo import watch_rows
        from events import my_page, personal_data, receivers, tools  # noqa: F401
        from events.admin_forms import EventPageForm
        from events.calendars import feed_cache  # noqa: F401 (its receivers)
        from events.index_context import index_context
        from events.models import (
            Event,
            EventIndexPage,
            EventPage,
            EventType,
            Registration,
            Submission,
        )
        from events.project_events import register

        # The models import no forms or views: the app wires them to the pages here.
        EventPage.base_form_class = EventPageForm
        EventIndexPage.listing_context = index_context
        register()
        # Seats left, event types on cards, an event's facts and withdrawal, the
        # participation week's approved programme: all show on cached pages.
        invalidate_on(Registration, EventType, Event, Submission)
        personal_data.register()
        tools.register()
        watch_rows(self.get_model("EventType"))
        my_page.register()
