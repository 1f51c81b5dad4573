from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from cms import validators

# Now, while apps are being loaded: cms is the first app, so no form class exists yet.
validators.install()


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = _("Content")

    def ready(self):
        from django.db.models.signals import post_migrate

        from cms import checks, open_data, personal_data, request_memo  # noqa: F401
        from cms.cache_table import create_cache_table
        from cms.models import BasePage
        from cms.outbox import receivers  # noqa: F401
        from cms.page_cache import receivers as page_cache_receivers
        from cms.page_creation import PageForm

        BasePage.base_form_class = PageForm
        personal_data.register()
        open_data.register()
        page_cache_receivers.register()
        request_memo.install()
        request_memo.watch_rows(
            self.get_model("Region"), self.get_model("Theme"), self.get_model("TargetGroup")
        )
        post_migrate.connect(create_cache_table, sender=self, dispatch_uid="cms.cache_table")
