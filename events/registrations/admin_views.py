"""Back-office views of an event's registrations. Anyone who may edit the event sees
the counts; only users with the registration permissions see and change people's data."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q
from django.http import Http404, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from cms.models import OutgoingEmail
from events.models import EmailDelivery, EventPage, Registration
from events.models.seats import seats_of
from events.registrations import exports, services
from events.registrations.forms import MessageForm, StaffRegistrationForm

VIEW_PERMISSION = "events.view_registration"
CHANGE_PERMISSION = "events.change_registration"


def _event_for(request, event_id):
    """The event page the admin URL names (its id stays in the URLs); its record,
    `page.event`, holds the registrations of every language."""
    page = get_object_or_404(EventPage.objects.select_related("event"), pk=event_id)
    may_see_counts = page.permissions_for_user(request.user).can_edit() or (
        request.user.has_perm(VIEW_PERMISSION)
    )
    if not may_see_counts:
        raise PermissionDenied
    return page


def _require(request, permission):
    if not request.user.has_perm(permission):
        raise PermissionDenied


def registrations(request, event_id):
    event = _event_for(request, event_id)
    registrations = Registration.objects.filter(event_id=event.event_id)
    statuses = dict(
        EmailDelivery.objects.filter(registration__event_id=event.event_id, message__isnull=False)
        .order_by()
        .values_list("message__status")
        .annotate(count=Count("pk"))
    )
    context = {
        "event": event,
        "counts": registrations.counts(),
        "seats": seats_of(event.event),
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
        questions = list(event.registration_questions.all())
        choices = exports.choice_wording(questions)
        context["questions"] = questions
        context["registrations"] = [
            (
                registration,
                list(
                    zip(
                        questions,
                        exports.answers_of(registration, questions, choices),
                        strict=True,
                    )
                ),
            )
            for registration in listed.order_by("status", "created_at", "pk")
        ]
        context["other_events"] = (
            EventPage.objects.live()
            .with_record()
            .upcoming()
            .filter(
                event__registration_enabled=True,
                event__withdrawn_at__isnull=True,
                locale=event.locale,
            )
            .exclude(event__status=EventPage.Status.CANCELLED)
            .exclude(event_id=event.event_id)
            .order_by("event__start", "pk")
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
        _mark_attendance(request, Registration.objects.filter(pk=registration.pk), action)
    else:
        raise PermissionDenied
    return redirect("events_registrations", event_id=_page_id_for(request, registration))


def _page_id_for(request, registration):
    """The admin page to go back to: the language's page the action was taken on (the
    form says which), else the event's page in the registrant's language."""
    posted = request.POST.get("page", "")
    if posted.isdigit():
        page = EventPage.objects.filter(pk=posted, event_id=registration.event_id).first()
        if page is not None:
            return page.pk
    return registration.page.pk


def _mark_attendance(request, registrations, action):
    """Only people with a seat can have attended; the others are left as they are."""
    attended = action == "attended"
    marked = services.set_attendance(registrations, attended)
    skipped = registrations.count() - marked
    if attended:
        messages.success(request, _("%(count)s marked attended.") % {"count": marked})
    else:
        messages.success(request, _("%(count)s marked absent.") % {"count": marked})
    if skipped:
        messages.warning(
            request,
            _("%(count)s not marked: only confirmed registrations can be.") % {"count": skipped},
        )


def _move(request, registrations):
    target = (
        EventPage.objects.live()
        .select_related("event")
        .filter(pk=request.POST.get("target") or None)
        .first()
    )
    if target is None:
        messages.error(request, _("Choose the event to move the registrations to."))
        return
    moved = 0
    for registration in registrations.active():
        services.move(registration, target.event)
        moved += 1
    messages.success(
        request,
        ngettext(
            "%(count)s registration moved to %(event)s.",
            "%(count)s registrations moved to %(event)s.",
            moved,
        )
        % {"count": moved, "event": target},
    )


@require_POST
def bulk_action(request, event_id):
    """What staff do to the rows they ticked: mark attended or absent, or move."""
    event = _event_for(request, event_id)
    _require(request, CHANGE_PERMISSION)
    chosen = Registration.objects.filter(
        event_id=event.event_id,
        pk__in=[pk for pk in request.POST.getlist("registration") if pk.isdigit()],
    )
    action = request.POST.get("action")
    if not chosen.exists():
        messages.error(request, _("Tick the registrations first."))
    elif action in ("attended", "absent"):
        _mark_attendance(request, chosen, action)
    elif action == "move":
        _move(request, chosen)
    else:
        messages.error(request, _("Choose what to do with the ticked registrations."))
    return redirect("events_registrations", event_id=event.pk)


@require_POST
def retry_emails(request, event_id):
    event = _event_for(request, event_id)
    _require(request, CHANGE_PERMISSION)
    with transaction.atomic():
        pks = services.retry_failed_deliveries(event.event)
    messages.success(request, _("%(count)s e-mails queued again.") % {"count": len(pks)})
    return redirect("events_registrations", event_id=event.pk)


def add_registration(request, event_id):
    event = _event_for(request, event_id)
    _require(request, CHANGE_PERMISSION)
    form = StaffRegistrationForm(request.POST or None, page=event)
    if request.method == "POST" and form.is_valid():
        data = form.registration_data()
        data["consent_version"] = _("added by staff")
        try:
            outcome = services.register(
                event.event, data, language=event.locale.language_code, added_by_staff=True
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
            event.event, form.cleaned_data["subject"], form.cleaned_data["body"]
        )
        messages.success(
            request,
            ngettext(
                "Message queued to %(count)s person.", "Message queued to %(count)s people.", count
            )
            % {"count": count},
        )
        return redirect("events_registrations", event_id=event.pk)
    recipients = services.message_recipients(event.event).count()
    return TemplateResponse(
        request,
        "events/admin/form.html",
        {
            "event": event,
            "form": form,
            "title": _("Message to confirmed registrants"),
            "intro": ngettext(
                "The message goes to %(count)s confirmed registrant.",
                "The message goes to %(count)s confirmed registrants.",
                recipients,
            )
            % {"count": recipients},
            "button": _("Send the message"),
        },
    )


def export(request, event_id, file_format):
    """A download, not a page: without the permission the answer is a plain 403."""
    if not request.user.has_perm(VIEW_PERMISSION):
        message = _("Exporting registrations needs the registration permission.")
        return HttpResponseForbidden(message)
    event = _event_for(request, event_id)
    if file_format == "xlsx":
        return exports.xlsx_response(event)
    if file_format == "csv":
        return exports.csv_response(event)
    raise Http404(_("Unknown file format."))
