"""Edit-form panels of an issue."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import Panel

VIEW_PERMISSION = "newsletters.view_send"


class SendingPanel(Panel):
    """A plain "Send the newsletter" button at the top of the issue's edit form: the
    sending screen was only reachable through the header's "…" menu."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "newsletters/admin/sending_panel.html"

        def is_shown(self):
            saved = self.instance is not None and self.instance.pk is not None
            return saved and self.request.user.has_perm(VIEW_PERMISSION)

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["sending_url"] = reverse("newsletters_admin:issue", args=[self.instance.pk])
            context["label"] = _("Send the newsletter")
            return context
