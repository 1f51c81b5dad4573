from django.contrib import messages
from django.contrib.auth.models import Permission
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.actions.unpublish_page import UnpublishPageAction
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from events import lifecycle, save_report
from events.admin_listing import EventPageViewSet
from events.calendars import admin_views as calendar_admin
from events.models import EventPage, EventType
from events.registrations import admin_views
from events.surveys import admin_views as survey_admin
from events.templatetags.event_admin_tags import withdrawal_of


class EventTypeViewSet(SnippetViewSet):
    model = EventType
    icon = "tag"
    list_display = ["name_fi", "name_sv", "name_en", "slug"]
    search_fields = ["name_fi", "name_sv", "name_en"]
    add_to_admin_menu = False


register_snippet(EventTypeViewSet)

calendar_admin.register()
survey_admin.register()


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
            "events/<int:event_id>/registrations/bulk/",
            admin_views.bulk_action,
            name="events_registration_bulk",
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
        codename__in=["view_registration", "change_registration", "view_surveyanswer"],
    )


def _confirm_withdrawal(request, page, count, **context):
    return TemplateResponse(
        request,
        "events/admin/confirm_withdrawal.html",
        {"page": page, "count": count, "allowed": True, **context},
    )


@hooks.register("before_unpublish_page")
def confirm_unpublishing_with_registrations(request, page):
    """Unpublishing any language's page withdraws the whole event (events/receivers.py):
    say which languages go offline and how many people are told, and ask once."""
    withdrawal = withdrawal_of(page)
    if withdrawal is None or not withdrawal.told or request.POST.get("registrations_confirmed"):
        return None
    carried = [(name, request.POST.get(name)) for name in ("next", "include_descendants")]
    return _confirm_withdrawal(
        request,
        page,
        withdrawal.told,
        withdrawal=withdrawal,
        heading=_("Unpublish an event with registrations"),
        explanation=_(
            "Unpublishing cancels the event in every language: every registrant is sent a "
            "cancellation that removes it from their calendar, and calendar feeds show it as "
            "cancelled for 30 days. The pages keep answering, saying that the event was "
            "cancelled. The registrations are kept."
        ),
        button=_("Yes, cancel and unpublish"),
        confirm_name="registrations_confirmed",
        carried=[item for item in carried if item[1]],
    )


@hooks.register("before_publish_page")
@hooks.register("before_unpublish_page")
def remember_the_event_before_saving(request, page):
    """The event record before a publish or unpublish, for `say_who_was_told`."""
    if isinstance(page, EventPage) and page.event_id:
        request.event_before_save = save_report.Snapshot.of(page.event_id)


@hooks.register("after_publish_page")
@hooks.register("after_unpublish_page")
def say_who_was_told(request, page):
    """Name how many people the save mailed, and of what: promoted from the waiting
    list, told of a new time or place, of a cancellation."""
    before = getattr(request, "event_before_save", None)
    if before is not None:
        _report(request, before)


def _report(request, before):
    for sentence in save_report.told_since(before):
        messages.success(request, sentence)


@hooks.register("before_delete_page")
def withdraw_instead_of_deleting(request, page):
    """A page whose events have registrations is never deleted, so the record of who
    registered and was told what survives. Deleting any language's page of such an
    event offers to withdraw the event in every language instead; a page with such
    events below it is refused."""
    registrations = lifecycle.registrations_below(page)
    if not registrations.exists():
        return None
    if not isinstance(page, EventPage):
        messages.error(
            request,
            _("Events below this page have registrations. Unpublish those events instead."),
        )
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    withdrawal = withdrawal_of(page)
    if not withdrawal.pages:
        return _confirm_withdrawal(
            request,
            page,
            registrations.count(),
            allowed=False,
            heading=_("Delete an event with registrations"),
            explanation=_(
                "An event with registrations cannot be deleted: who registered and what they "
                "were told must be kept. The event is already offline in every language."
            ),
        )
    if request.method == "POST" and request.POST.get("withdraw_instead"):
        before = save_report.Snapshot.of(page.event_id)
        _unpublish_everywhere(page, request.user)
        messages.success(request, _("The event was cancelled and unpublished, not deleted."))
        _report(request, before)
        return redirect("wagtailadmin_explore", page.get_parent().pk)
    return _confirm_withdrawal(
        request,
        page,
        lifecycle.active_registrations(page).count() or registrations.count(),
        withdrawal=withdrawal,
        heading=_("Delete an event with registrations"),
        explanation=_(
            "An event with registrations cannot be deleted: who registered and what they "
            "were told must be kept. It can be cancelled instead, in every language: its "
            "pages go offline but keep answering, saying that the event was cancelled, every "
            "registrant is sent a cancellation and calendar feeds show it as cancelled for "
            "30 days."
        ),
        button=_("Cancel and unpublish the event"),
        confirm_name="withdraw_instead",
        carried=[],
    )


def _unpublish_everywhere(page, user):
    """Unpublish the event's live pages, this one first: unpublishing one withdraws the
    event and takes the other languages offline (events/receivers.py); those still live
    afterwards (an ended event is only archived, page by page) are unpublished here."""
    pages = EventPage.objects.live().filter(event_id=page.event_id)
    for pk in sorted(pages.values_list("pk", flat=True), key=lambda pk: pk != page.pk):
        still_live = pages.filter(pk=pk).first()
        if still_live is not None:
            UnpublishPageAction(still_live, user=user).execute(skip_permission_checks=True)


@hooks.register("register_admin_viewset")
def event_page_viewset():
    return EventPageViewSet("event_pages")
