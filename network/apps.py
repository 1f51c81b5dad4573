from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = _("Network")

    def ready(self):
        from cms.page_cache import invalidate_on
        from cms.request_memo import watch_rows
        from network import personal_data, tools
        from network.assessments import my_page as assessments
        from network.members import my_page
        from network.models import Organisation, ParticipationArea, PracticeModel, Project

        personal_data.register()
        tools.register()
        # The directory's rows are snippets shown on cached pages.
        invalidate_on(Organisation, ParticipationArea, PracticeModel, Project)
        watch_rows(self.get_model("ParticipationArea"))
        my_page.register_section(
            "assessments",
            template="network/assessments/my_page_section.html",
            context=assessments.context,
            order=40,
        )
