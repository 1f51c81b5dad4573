"""Wagtail admin views for sending an issue: test send, send with the recipient count
shown before confirming, schedule, cancel, resume, progress and delivery statistics;
and the CSV import of subscribers. Every view checks the user's permissions."""

from functools import partial

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from wagtail.models import Page

from newsletters.emails import preview_issue_html
from newsletters.forms import (
    ImportForm,
    PrefillChoiceForm,
    PrefillForm,
    SendForm,
    TestSendForm,
)
from newsletters.models import (
    Delivery,
    DeliveryEvent,
    NewsletterIndexPage,
    NewsletterIssuePage,
    Send,
    SubscriberImport,
)
from newsletters.panels import VIEW_PERMISSION
from newsletters.segments import Segment
from newsletters.services import composing, csv_io, publishing, sending
from newsletters.tasks import run_import, send_test_issue

SEND_PERMISSION = "newsletters.add_send"
IMPORT_PERMISSION = "newsletters.add_subscriber"
UNPUBLISHED = gettext_lazy(
    "The issue is not published, so it was not sent. Publish it in the editor, or choose "
    "“Publish and send” to publish its latest version as you send."
)
NO_RECIPIENTS = gettext_lazy(
    "Nobody would receive this issue: the chosen lists have no active subscribers "
    "in this audience. Choose another list or audience."
)
STAT_EVENTS = {
    "delivered": Delivery.Status.DELIVERED.label,
    "bounced": Delivery.Status.BOUNCED.label,
    "complained": Delivery.Status.COMPLAINED.label,
    "unsubscribed": Delivery.Status.UNSUBSCRIBED.label,
}


def require(request, permission):
    if not request.user.has_perm(permission):
        raise PermissionDenied


def delivery_stats(issue):
    """How many recipients each tracking event reached, counted once per recipient."""
    counts = dict(
        DeliveryEvent.objects.filter(delivery__issue=issue, event_type__in=STAT_EVENTS)
        .values_list("event_type")
        .annotate(n=Count("delivery", distinct=True))
        .order_by()
    )
    return [(event, label, counts.get(event, 0)) for event, label in STAT_EVENTS.items()]


def issue(request, issue_id):
    require(request, VIEW_PERMISSION)
    page = get_object_or_404(NewsletterIssuePage, pk=issue_id)
    sends = list(
        page.sends.prefetch_related("mailing_lists", "segment_regions", "segment_projects")
    )
    context = {
        "issue": page,
        "sends": [(send, send.progress()) for send in sends],
        "running": page.sends.in_progress().exists(),
        "stats": delivery_stats(page),
        "can_send": request.user.has_perm(SEND_PERMISSION),
        "send_form": SendForm(),
        "test_form": TestSendForm(),
        "prefill_form": PrefillForm(),
        "can_edit": page.permissions_for_user(request.user).can_edit(),
        "can_publish": can_publish(request, page),
    }
    return render(request, "newsletters/admin/issue.html", context)


def email_preview(request, issue_id):
    """The e-mail of the draft being edited. Wagtail's own preview URL shows "not
    available" until the editor has opened the preview panel in this session."""
    require(request, VIEW_PERMISSION)
    page = get_object_or_404(NewsletterIssuePage, pk=issue_id)
    return HttpResponse(preview_issue_html(page.get_latest_revision_as_object()))


@require_POST
def send_test(request, issue_id):
    require(request, SEND_PERMISSION)
    page = get_object_or_404(NewsletterIssuePage, pk=issue_id)
    form = TestSendForm(request.POST)
    if form.is_valid():
        send_test_issue.enqueue(page.pk, form.cleaned_data["addresses"])
        messages.success(request, _("The test message is on its way."))
    else:
        messages.error(request, " ".join(form.errors.get("addresses", [])))
    return redirect("newsletters_admin:issue", page.pk)


@require_POST
def send(request, issue_id):
    """First POST shows how many people will receive the issue; the second, with
    `confirm`, creates the send. With `publish`, the confirmed send first publishes
    the issue's latest revision. A refused POST shows the form again as it was filled."""
    require(request, SEND_PERMISSION)
    page = get_object_or_404(NewsletterIssuePage, pk=issue_id).specific
    publish = "publish" in request.POST
    if publish and not can_publish(request, page):
        raise PermissionDenied
    form = SendForm(request.POST)
    if not (page.live or publish):
        form.add_error(None, UNPUBLISHED)
    if not form.is_valid():
        return refuse_send(request, page, form)
    lists = form.cleaned_data["mailing_lists"]
    scheduled_at = form.cleaned_data["scheduled_at"]
    segment = Segment.from_form(form.cleaned_data)
    recipient_count = sending.recipients(lists, segment).count()
    if not recipient_count:
        form.add_error(None, NO_RECIPIENTS)
        return refuse_send(request, page, form)
    if "confirm" not in request.POST:
        context = {
            "issue": page,
            "form": form,
            "recipient_count": recipient_count,
            "mailing_lists": lists,
            "scheduled_at": scheduled_at,
            "segment": segment.describe(),
            "publish": publish,
        }
        return render(request, "newsletters/admin/issue_send_confirm.html", context)
    try:
        with transaction.atomic():
            if publish:
                publishing.publish_latest_revision(page, request.user)
            sending.create_send(page, lists, request.user, scheduled_at, segment)
    except publishing.NotPublished as error:
        form.add_error(None, error.message)
        return refuse_send(request, page, form)
    messages.success(request, _("Sending started.") if not scheduled_at else _("Send scheduled."))
    return redirect("newsletters_admin:issue", page.pk)


def refuse_send(request, page, form):
    """The send form again, with what was chosen and why it was refused."""
    context = {"issue": page, "form": form, "can_publish": can_publish(request, page)}
    return render(request, "newsletters/admin/issue_send_invalid.html", context, status=400)


def can_publish(request, page):
    return page.permissions_for_user(request.user).can_publish()


@require_POST
def cancel(request, send_id):
    require(request, SEND_PERMISSION)
    send = get_object_or_404(Send, pk=send_id)
    if sending.cancel(send):
        messages.success(request, _("Sending cancelled. Messages already sent stay sent."))
    return redirect("newsletters_admin:issue", send.issue_id)


@require_POST
def resume(request, send_id):
    require(request, SEND_PERMISSION)
    send = get_object_or_404(Send, pk=send_id)
    if sending.resume(send):
        messages.success(request, _("Sending continues."))
    else:
        messages.error(request, _("Only a paused or stopped send can be continued."))
    return redirect("newsletters_admin:issue", send.issue_id)


def import_subscribers(request):
    """Check and store the file, then import it in the background: 5,000 rows took a
    minute inside the request."""
    require(request, IMPORT_PERMISSION)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            job = csv_io.create_import(
                data["file"], data["mailing_list"], data["consent_text"], request.user
            )
        except ValueError as error:
            form.add_error("file", str(error))
        else:
            transaction.on_commit(partial(run_import.enqueue, job.pk))
            return redirect("newsletters_admin:import_progress", job.pk)
    status = 400 if form.is_bound else 200
    return render(request, "newsletters/admin/import.html", {"form": form}, status=status)


def import_progress(request, import_id):
    """How far the import is; the page reloads itself until the report is ready."""
    require(request, IMPORT_PERMISSION)
    csv_io.fail_stalled_imports()
    job = get_object_or_404(SubscriberImport.objects.select_related("mailing_list"), pk=import_id)
    return render(request, "newsletters/admin/import_progress.html", {"job": job})


@require_POST
def prefill(request, issue_id):
    """Find what was published in the list's language since its last issue, then let
    the editor choose which pages (and events, by when they take place) become
    featured-page blocks of the draft."""
    page = get_object_or_404(NewsletterIssuePage, pk=issue_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    form = PrefillForm(request.POST)
    if not form.is_valid():
        return redirect("newsletters_admin:issue", page.pk)
    mailing_list = form.cleaned_data["mailing_list"]
    data = request.POST if "choose" in request.POST else None
    choice = PrefillChoiceForm(composing.offer(mailing_list), data)
    if choice.is_bound and choice.is_valid():
        added = composing.prefill_issue(
            page, choice.chosen_pages(), choice.cleaned_data["upcoming_events"], request.user
        )
        messages.success(request, _("Pages added to the draft: %(count)s.") % {"count": added})
        return redirect("wagtailadmin_pages:edit", page.pk)
    context = {"issue": page, "form": choice, "mailing_list": mailing_list}
    return render(request, "newsletters/admin/prefill_choose.html", context)


def issue_from_page(request, page_id):
    """Make a draft issue from a page (e.g. a research message); GET asks, POST makes."""
    page = get_object_or_404(Page, pk=page_id)
    index = NewsletterIndexPage.objects.filter(locale=page.locale).first()
    if index is None or not index.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    if request.method == "POST":
        issue = composing.issue_from_page(page, index, request.user)
        messages.success(request, _("A draft issue was made from the page."))
        return redirect("wagtailadmin_pages:edit", issue.pk)
    return render(request, "newsletters/admin/issue_from_page.html", {"page": page})
