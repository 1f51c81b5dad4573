from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Events")

    def ready(self):
        from cms.request_memo import watch_rows
        from events import my_page, personal_data, receivers  # noqa: F401
        from events.project_events import register

        register()
        personal_data.register()
        watch_rows(self.get_model("EventType"))
        my_page.register()
