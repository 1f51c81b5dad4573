"""Admin registration: lists, subscribers and subscriptions as snippets, the sending
views of an issue, and the CSV import."""

from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from cms.spreadsheet_admin import SpreadsheetSnippetViewSet
from newsletters import admin_views
from newsletters.models import (
    MailingList,
    NewsletterIndexPage,
    NewsletterIssuePage,
    Subscriber,
    Subscription,
)


class MailingListViewSet(SnippetViewSet):
    model = MailingList
    icon = "list-ul"
    list_display = ["name", "language", "visibility"]
    list_filter = ["language", "visibility"]


class SubscriberViewSet(SpreadsheetSnippetViewSet):
    """Personal data: only users with the subscriber permissions see this."""

    model = Subscriber
    icon = "user"
    list_display = ["email", "name", "language", "source", "created_at"]
    # The member record owns the region (newsletters.models.Subscriber.hand_region_to_member).
    list_filter = ["language", "source", "member__region"]
    list_export = [
        "email",
        "name",
        "language",
        "member.region",
        "organisation",
        "source",
        "created_at",
    ]
    export_headings = {"member.region": capfirst(_("region"))}
    search_fields = ["email", "name"]


class SubscriptionViewSet(SpreadsheetSnippetViewSet):
    model = Subscription
    icon = "mail"
    list_display = ["subscriber", "mailing_list", "status", "consent_at"]
    list_filter = ["mailing_list", "status"]
    list_export = [
        "subscriber",
        "mailing_list",
        "status",
        "consent_text",
        "consent_source",
        "consent_at",
        "confirmed_at",
    ]


class IssueListingViewSet(PageListingViewSet):
    """Every issue in one list, so the menu leads to the issues and from each, through
    its "…" menu, to sending."""

    model = NewsletterIssuePage
    icon = "mail"
    menu_label = _("Issues")
    name = "newsletter_issues"


class NewslettersGroup(SnippetViewSetGroup):
    menu_label = _("Newsletters")
    menu_icon = "mail"
    menu_order = 310
    items = (IssueListingViewSet, MailingListViewSet, SubscriberViewSet, SubscriptionViewSet)


register_snippet(NewslettersGroup)


admin_urls = [
    path("issue/<int:issue_id>/", admin_views.issue, name="issue"),
    path("issue/<int:issue_id>/email/", admin_views.email_preview, name="email_preview"),
    path("issue/<int:issue_id>/test/", admin_views.send_test, name="send_test"),
    path("issue/<int:issue_id>/send/", admin_views.send, name="send"),
    path("send/<int:send_id>/cancel/", admin_views.cancel, name="cancel"),
    path("send/<int:send_id>/resume/", admin_views.resume, name="resume"),
    path("issue/<int:issue_id>/prefill/", admin_views.prefill, name="prefill"),
    path("from-page/<int:page_id>/", admin_views.issue_from_page, name="issue_from_page"),
    path("import/", admin_views.import_subscribers, name="import"),
    path("import/<int:import_id>/", admin_views.import_progress, name="import_progress"),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("newsletters/", include((admin_urls, "newsletters_admin")))]


class IssueSendingButton(PageMenuItem):
    label = _("Send the newsletter")
    icon_name = "mail"
    url_name = "newsletters_admin:issue"
    priority = 12

    def is_shown(self, user):
        return user.has_perm(admin_views.VIEW_PERMISSION)


@hooks.register("register_page_header_buttons")
def issue_header_buttons(page, user, view_name, next_url=None):
    if isinstance(page.specific_deferred, NewsletterIssuePage):
        yield IssueSendingButton(page=page)


class IssueFromPageButton(PageMenuItem):
    label = _("Make a newsletter issue")
    icon_name = "mail"
    url_name = "newsletters_admin:issue_from_page"
    priority = 70

    def is_shown(self, user):
        return user.has_perm("newsletters.add_send")


@hooks.register("register_page_listing_more_buttons")
def issue_listing_buttons(page, user, next_url=None):
    specific = page.specific_deferred
    if isinstance(specific, NewsletterIssuePage):
        yield IssueSendingButton(page=page)
    elif hasattr(specific, "body") and not isinstance(specific, NewsletterIndexPage):
        yield IssueFromPageButton(page=page)


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("newsletters.add_subscriber")


@hooks.register("register_admin_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        _("Import subscribers"),
        reverse("newsletters_admin:import"),
        icon_name="upload",
        order=311,
    )


@hooks.register("register_permissions")
def send_permissions():
    """Offered in the group editor, so sending can be given to a group."""
    return Permission.objects.filter(
        content_type__app_label="newsletters", codename__in=["view_send", "add_send"]
    )
