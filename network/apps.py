from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = _("Network")

    def ready(self):
        from cms.page_cache import invalidate_on
        from network import personal_data
        from network.models import Organisation, ParticipationArea, PracticeModel, Project

        personal_data.register()
        # The directory's rows are snippets shown on cached pages.
        invalidate_on(Organisation, ParticipationArea, PracticeModel, Project)
