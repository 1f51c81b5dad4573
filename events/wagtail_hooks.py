from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from events import admin_views, calendar_admin
from events.models import EventPage, EventType


class EventTypeViewSet(SnippetViewSet):
    model = EventType
    icon = "tag"
    list_display = ["name_fi", "name_sv", "name_en", "slug"]
    search_fields = ["name_fi", "name_sv", "name_en"]
    add_to_admin_menu = False


register_snippet(EventTypeViewSet)

calendar_admin.register()


@hooks.register("register_admin_urls")
def registration_urls():
    return [
        path(
            "events/<int:event_id>/registrations/",
            admin_views.registrations,
            name="events_registrations",
        ),
        path(
            "events/<int:event_id>/registrations/add/",
            admin_views.add_registration,
            name="events_registration_add",
        ),
        path(
            "events/<int:event_id>/registrations/retry-emails/",
            admin_views.retry_emails,
            name="events_registration_retry_emails",
        ),
        path(
            "events/<int:event_id>/registrations/message/",
            admin_views.message_registrants,
            name="events_registration_message",
        ),
        path(
            "events/<int:event_id>/registrations/export.<str:file_format>",
            admin_views.export,
            name="events_registration_export",
        ),
        path(
            "events/registrations/<int:pk>/<str:action>/",
            admin_views.registration_action,
            name="events_registration_action",
        ),
    ]


def _registrations_button(page, user, priority):
    if not isinstance(page.specific_deferred, EventPage):
        return
    may_see = page.permissions_for_user(user).can_edit() or user.has_perm(
        admin_views.VIEW_PERMISSION
    )
    if may_see and page.specific.registration_enabled:
        yield PageMenuItem(
            _("Registrations"),
            reverse("events_registrations", args=[page.pk]),
            icon_name="group",
            priority=priority,
            page=page,
        )


@hooks.register("register_page_listing_more_buttons")
def registrations_listing_button(page, user, next_url=None):
    yield from _registrations_button(page, user, priority=5)


@hooks.register("register_page_header_buttons")
def registrations_header_button(page, user, view_name, next_url=None):
    yield from _registrations_button(page, user, priority=12)


@hooks.register("register_permissions")
def registration_permissions():
    """So administrators can give groups the right to see registrants' personal data."""
    return Permission.objects.filter(
        content_type__app_label="events",
        codename__in=["view_registration", "change_registration"],
    )
