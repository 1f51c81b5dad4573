"""Failed admin sign-ins, as django-axes records them, listed under Settings for staff
with ``axes.view_accessfailurelog``. A record of attempts is never edited by hand."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from axes.models import AccessFailureLog


class ViewOnlyPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)


register_permission_policy(AccessFailureLog, ViewOnlyPolicy(AccessFailureLog))


class SignInFailureViewSet(ModelViewSet):
    model = AccessFailureLog
    icon = "warning"
    menu_label = _("Failed sign-ins")
    add_to_settings_menu = True
    name = "sign_in_failures"
    form_fields = ["username"]  # required by ModelViewSet; the policy allows no edits
    list_display = ["attempt_time", "username", "ip_address", "user_agent", "locked_out"]
    list_filter = ["locked_out"]
    search_fields = ["username", "ip_address"]
    ordering = ["-attempt_time"]
