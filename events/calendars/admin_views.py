"""Admin of the calendar features: moderating participation-week submissions (listing,
edit, review with approve/reject), the pending count on the dashboard, and the .ics
import. Registered from events/wagtail_hooks.py."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.auth import user_has_any_page_permission
from wagtail.admin.menu import MenuItem
from wagtail.admin.site_summary import SummaryItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import ListingButton

from events.calendars.forms import IcsImportForm
from events.calendars.ical_import import import_calendar
from events.models import Submission
from events.participation_week import services
from events.participation_week.forms import OrganiserForm, RejectionForm

MODERATE_PERMISSION = "events.change_submission"


class SubmissionIndexView(generic.IndexView):
    def get_list_more_buttons(self, instance):
        return [
            ListingButton(
                _("Review"),
                url=reverse(submission_viewset.get_url_name("review"), args=[instance.pk]),
                icon_name="view",
                priority=5,
            ),
            *super().get_list_more_buttons(instance),
        ]


class SubmissionViewSet(ModelViewSet):
    model = Submission
    icon = "date"
    menu_label = gettext_lazy("Participation week submissions")
    menu_order = 250
    add_to_admin_menu = True
    url_prefix = "participation-week-submissions"
    index_view_class = SubmissionIndexView
    list_filter = ["status", "week"]
    search_fields = ["title", "organiser_name", "municipality", "contact_email"]
    ordering = ["-submitted_at"]

    @property
    def list_display(self):
        return [
            TitleColumn(
                "title",
                label=_("Title"),
                url_name=self.get_url_name("review"),
            ),
            "organiser_name",
            Column("week", label=_("Participation week")),
            "start",
            "status",
        ]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("review/<int:pk>/", review_submission, name="review"),
        ]


submission_viewset = SubmissionViewSet("participation_week_submissions")


def review_submission(request, pk):
    """Everything a moderator needs to decide, with approve and reject side by side."""
    if not request.user.has_perm(MODERATE_PERMISSION):
        raise PermissionDenied
    submission = get_object_or_404(Submission.objects.select_related("week", "event"), pk=pk)
    rejection_form = RejectionForm()
    approving = request.method == "POST" and "approve" in request.POST
    organiser_form = _organiser_form(submission, request.POST if approving else None)
    if request.method == "POST":
        if approving:
            if organiser_form.is_valid():
                return _approve(request, submission, organiser_form.cleaned_data)
            return _review_page(request, submission, organiser_form, rejection_form, status=400)
        rejection_form = RejectionForm(request.POST)
        if rejection_form.is_valid():
            services.reject(submission, rejection_form.cleaned_data["reason"], request.user)
            messages.success(
                request,
                _("Rejected: “%(title)s”. The submitter was told why.")
                % {"title": submission.title},
            )
            return redirect(submission_viewset.get_url_name("index"))
    return _review_page(request, submission, organiser_form, rejection_form)


def _organiser_form(submission, data):
    """The organiser choice, preset to the organisation of exactly the typed name."""
    exact = services.matching_organisation(submission)
    return OrganiserForm(
        data,
        organiser_name=submission.organiser_name,
        initial={"organisation": exact},
    )


def _approve(request, submission, choice):
    try:
        submission.full_clean()
    except ValidationError as error:
        messages.error(
            request,
            _("Edit the submission before approving it: %(errors)s")
            % {"errors": " ".join(error.messages)},
        )
        return redirect(submission_viewset.get_url_name("review"), pk=submission.pk)
    services.approve(
        submission,
        request.user,
        organisation=choice["organisation"],
        create_organisation=choice["create"],
    )
    messages.success(
        request,
        _("Approved: “%(title)s” is in the programme.") % {"title": submission.title},
    )
    return redirect(submission_viewset.get_url_name("index"))


def _review_page(request, submission, organiser_form, rejection_form, status=200):
    return TemplateResponse(
        request,
        "events/admin/review_submission.html",
        {
            "submission": submission,
            "organiser_form": organiser_form,
            "similar_organisations": services.similar_organisations(submission),
            "rejection_form": rejection_form,
            "edit_url": reverse(submission_viewset.get_url_name("edit"), args=[submission.pk]),
            "index_url": reverse(submission_viewset.get_url_name("index")),
            "page_title": _("Review submission"),
            "header_icon": "date",
        },
        status=status,
    )


class PendingSubmissionsSummaryItem(SummaryItem):
    order = 150
    template_name = "events/admin/pending_submissions_summary.html"

    def get_context_data(self, parent_context):
        return {
            "pending": Submission.objects.pending().count(),
            "url": reverse(submission_viewset.get_url_name("index")) + "?status=pending",
        }

    def is_shown(self):
        return self.request.user.has_perm(MODERATE_PERMISSION)


def import_ics(request):
    """Upload an .ics file; its events become draft pages and the report lists each one."""
    if not user_has_any_page_permission(request.user):
        raise PermissionDenied
    form = IcsImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        parent = form.cleaned_data["parent"].specific
        if not parent.permissions_for_user(request.user).can_add_subpage():
            raise PermissionDenied
        report = import_calendar(
            form.cleaned_data["file"],
            parent=parent,
            event_type=form.cleaned_data["event_type"],
            user=request.user,
        )
    return TemplateResponse(
        request,
        "events/admin/import_ics.html",
        {
            "form": form,
            "report": report,
            "page_title": _("Import events from a calendar file"),
            "header_icon": "download",
        },
        status=400 if form.is_bound and not form.is_valid() else 200,
    )


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return user_has_any_page_permission(request.user)


def register():
    @hooks.register("register_admin_viewset")
    def register_submission_viewset():
        return submission_viewset

    @hooks.register("construct_homepage_summary_items")
    def add_pending_submissions(request, items):
        items.append(PendingSubmissionsSummaryItem(request))

    @hooks.register("register_admin_urls")
    def import_urls():
        return [path("events/import-ics/", import_ics, name="events_import_ics")]

    @hooks.register("register_admin_menu_item")
    def import_menu_item():
        return ImportMenuItem(
            gettext_lazy("Import events (.ics)"),
            reverse("events_import_ics"),
            icon_name="download",
            order=260,
        )
