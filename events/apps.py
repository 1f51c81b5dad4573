from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from events import my_page, personal_data, receivers  # noqa: F401
        from events.calendars import feed_cache  # noqa: F401 (its receivers)
        from events.project_events import register

        register()
        personal_data.register()
        my_page.register()
