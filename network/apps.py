from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = _("Network")

    def ready(self):
        from network import my_page, personal_data
        from network.assessments import my_page as assessments

        personal_data.register()
        my_page.register_section(
            "assessments",
            template="network/assessments/my_page_section.html",
            context=assessments.context,
            order=40,
        )
