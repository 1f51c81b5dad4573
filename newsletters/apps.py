from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewslettersConfig(AppConfig):
    name = "newsletters"
    verbose_name = _("Newsletters")

    def ready(self):
        from anymail.signals import tracking

        from cms.page_cache import invalidate_on
        from cms.sitemaps import register_view
        from newsletters import checks, my_page, personal_data  # noqa: F401
        from newsletters.models import MailingList
        from newsletters.receivers import on_tracking, start_send
        from newsletters.services.sending import send_due

        personal_data.register()
        register_view("newsletters:subscribe")
        # The lists a subscribe form offers.
        invalidate_on(MailingList)
        my_page.register()

        tracking.connect(on_tracking, dispatch_uid="newsletters.tracking")
        send_due.connect(start_send, dispatch_uid="newsletters.start_send")
