from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = _("Network")

    def ready(self):
        from cms.request_memo import watch_rows
        from network import personal_data

        personal_data.register()
        watch_rows(self.get_model("ParticipationArea"))
