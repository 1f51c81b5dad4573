"""The back office's view of the stored outgoing e-mail: what was sent, what failed
and why, and a "send again" for failed messages. Messages are never written by hand,
so the listing offers no add or edit; viewing needs ``cms.view_outgoingemail``."""

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from cms import outbox
from cms.models import OutgoingEmail


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Staff may view (and retry) messages; nobody adds or edits them, not even
    superusers, so the record of what was sent stays true."""

    def user_has_permission(self, user, action):
        if action in ("add", "change"):
            return False
        return super().user_has_permission(user, action)


register_permission_policy(OutgoingEmail, ReadOnlyPolicy(OutgoingEmail))


class RetryColumn(Column):
    cell_template_name = "cms/admin/retry_cell.html"


@require_POST
@permission_required("cms.view_outgoingemail", raise_exception=True)
def retry_view(request, pk):
    message = get_object_or_404(OutgoingEmail, pk=pk)
    if outbox.retry(message.pk):
        messages.success(request, _("The message will be sent again."))
    return redirect("outgoing_email:index")


class OutgoingEmailViewSet(ModelViewSet):
    model = OutgoingEmail
    icon = "mail"
    menu_label = _("Outgoing e-mail")
    add_to_settings_menu = True
    name = "outgoing_email"
    inspect_view_enabled = True
    form_fields = ["subject"]  # required by ModelViewSet; the policy allows no edits
    inspect_view_fields = [
        "to",
        "subject",
        "purpose",
        "status",
        "attempts",
        "last_error",
        "created_at",
        "sent_at",
        "next_attempt_at",
        "text",
    ]
    list_display = [
        "subject",
        "purpose",
        "status",
        "attempts",
        "last_error",
        "created_at",
        RetryColumn("retry", label=_("Send again")),
    ]
    list_filter = ["status", "purpose"]
    search_fields = ["subject", "purpose"]
    ordering = ["-created_at"]

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("<int:pk>/retry/", retry_view, name="retry")]
