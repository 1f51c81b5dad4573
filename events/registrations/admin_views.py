"""Back-office views of an event's registrations. Anyone who may edit the event sees
the counts; only users with the registration permissions see and change people's data."""

import csv
import io
from functools import partial

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from cms.models import OutgoingEmail
from cms.tasks import send_outgoing_email
from events.models import EmailDelivery, EventPage, Registration
from events.registrations import services
from events.registrations.forms import MessageForm, StaffRegistrationForm
from events.registrations.seats import seats_of

VIEW_PERMISSION = "events.view_registration"
CHANGE_PERMISSION = "events.change_registration"
EXPORT_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _event_for(request, event_id):
    event = get_object_or_404(EventPage, pk=event_id).registration_event
    may_see_counts = event.permissions_for_user(request.user).can_edit() or (
        request.user.has_perm(VIEW_PERMISSION)
    )
    if not may_see_counts:
        raise PermissionDenied
    return event


def _require(request, permission):
    if not request.user.has_perm(permission):
        raise PermissionDenied


def registrations(request, event_id):
    event = _event_for(request, event_id)
    registrations = Registration.objects.filter(event=event)
    statuses = dict(
        EmailDelivery.objects.filter(registration__event=event, message__isnull=False)
        .order_by()
        .values_list("message__status")
        .annotate(count=Count("pk"))
    )
    context = {
        "event": event,
        "counts": registrations.counts(),
        "seats": seats_of(event),
        "email_counts": {
            status.label: statuses.get(status.value, 0) for status in OutgoingEmail.Status
        },
        "failed_emails": bool(statuses.get(OutgoingEmail.Status.FAILED)),
        "may_view": request.user.has_perm(VIEW_PERMISSION),
        "may_change": request.user.has_perm(CHANGE_PERMISSION),
        "query": request.GET.get("q", "").strip()[:100],
    }
    if context["may_view"]:
        listed = registrations.select_related("project", "region")
        if context["query"]:
            q = context["query"]
            listed = listed.filter(
                Q(name__icontains=q) | Q(email__icontains=q) | Q(organisation__icontains=q)
            )
        context["registrations"] = listed.order_by("status", "created_at", "pk")
        context["other_events"] = (
            EventPage.objects.live()
            .upcoming()
            .filter(registration_enabled=True, locale=event.locale)
            .exclude(pk=event.pk)
        )
    return TemplateResponse(request, "events/admin/registrations.html", context)


@require_POST
def registration_action(request, pk, action):
    _require(request, CHANGE_PERMISSION)
    registration = get_object_or_404(Registration, pk=pk)
    if action == "cancel":
        services.cancel(registration)
        messages.success(request, _("Registration cancelled; the waiting list moved up."))
    elif action == "promote":
        services.promote(registration)
        messages.success(request, _("Moved from the waiting list to a seat."))
    elif action in ("attended", "absent"):
        services.set_attended(registration, action == "attended")
    elif action == "move":
        target = EventPage.objects.filter(pk=request.POST.get("target")).first()
        if target is None:
            messages.error(request, _("Choose the event to move the registration to."))
        else:
            services.move(registration, target)
            messages.success(request, _("Registration moved to %(event)s.") % {"event": target})
    else:
        raise PermissionDenied
    return redirect("events_registrations", event_id=registration.event_id)


@require_POST
def retry_emails(request, event_id):
    event = _event_for(request, event_id)
    _require(request, CHANGE_PERMISSION)
    with transaction.atomic():
        pks = services.retry_failed_deliveries(event)
        for pk in pks:
            transaction.on_commit(partial(send_outgoing_email.enqueue, pk))
    messages.success(request, _("%(count)s e-mails queued again.") % {"count": len(pks)})
    return redirect("events_registrations", event_id=event.pk)


def add_registration(request, event_id):
    event = _event_for(request, event_id)
    _require(request, CHANGE_PERMISSION)
    form = StaffRegistrationForm(request.POST or None, event=event)
    if request.method == "POST" and form.is_valid():
        data = form.registration_data()
        data["consent_version"] = _("added by staff")
        try:
            outcome = services.register(
                event, data, language=event.locale.language_code, added_by_staff=True
            )
        except services.RegistrationError as error:
            messages.error(request, error.message)
        else:
            _report_added(request, outcome)
        return redirect("events_registrations", event_id=event.pk)
    return TemplateResponse(
        request, "events/admin/form.html", {"event": event, "form": form, "title": _("Add")}
    )


def _report_added(request, outcome):
    if outcome.created:
        messages.success(request, _("Registration added."))
    else:
        messages.warning(request, _("That e-mail address was already registered."))


def message_registrants(request, event_id):
    event = _event_for(request, event_id)
    _require(request, CHANGE_PERMISSION)
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        count = services.message_confirmed(
            event, form.cleaned_data["subject"], form.cleaned_data["body"]
        )
        messages.success(request, _("Message queued to %(count)s people.") % {"count": count})
        return redirect("events_registrations", event_id=event.pk)
    return TemplateResponse(
        request,
        "events/admin/form.html",
        {"event": event, "form": form, "title": _("Message to confirmed registrants")},
    )


EXPORT_HEADERS = [
    gettext_lazy("Name"),
    gettext_lazy("E-mail"),
    gettext_lazy("Organisation"),
    gettext_lazy("Project"),
    gettext_lazy("Region"),
    gettext_lazy("Accessibility or dietary needs"),
    gettext_lazy("Status"),
    gettext_lazy("Attended"),
    gettext_lazy("Registered"),
    gettext_lazy("Privacy notice version"),
]


def export_rows(event):
    questions = list(event.registration_questions.all())
    yield [str(header) for header in EXPORT_HEADERS] + [q.label for q in questions]
    registrations = Registration.objects.filter(event=event).select_related("project", "region")
    for registration in registrations:
        answers = dict(registration.answer_rows())
        yield [
            registration.name,
            registration.email,
            registration.organisation,
            str(registration.project or ""),
            str(registration.region or ""),
            registration.needs,
            registration.get_status_display(),
            _("Yes") if registration.attended else _("No"),
            timezone.localtime(registration.created_at).strftime("%Y-%m-%d %H:%M"),
            registration.consent_version,
            *[str(answers.get(q.label, "")) for q in questions],
        ]


def _safe_cell(value):
    """Spreadsheet programs run cells that start like a formula; registrants typed these."""
    value = str(value)
    return "'" + value if value.startswith(EXPORT_FORMULA_STARTS) else value


def export(request, event_id, file_format):
    event = _event_for(request, event_id)
    _require(request, VIEW_PERMISSION)
    rows = [[_safe_cell(cell) for cell in row] for row in export_rows(event)]
    filename = f"registrations-{event.pk}"
    if file_format == "xlsx":
        from openpyxl import Workbook

        workbook = Workbook()
        sheet = workbook.active
        sheet.title = _("Registrations")[:31]
        for row in rows:
            sheet.append(row)
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(
            buffer.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}.xlsx"'
        return response
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    response.write("\ufeff")  # so Excel reads the file as UTF-8
    csv.writer(response).writerows(rows)
    return response
