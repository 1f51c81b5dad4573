from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewslettersConfig(AppConfig):
    name = "newsletters"
    verbose_name = _("Newsletters")

    def ready(self):
        from anymail.signals import tracking

        from newsletters import checks  # noqa: F401 (registers the deploy check)
        from newsletters.receivers import on_tracking

        tracking.connect(on_tracking, dispatch_uid="newsletters.tracking")
