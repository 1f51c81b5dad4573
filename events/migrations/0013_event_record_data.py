"""Fill the event records from today's pages and point every row of an event at its
record. Nothing is dropped here (0014 does that), and nothing is lost:

- the record takes its facts from the page in the default language (else the first
  page written), its UID and SEQUENCE from the calendar state it grew from, and the
  projects linked on any of its pages;
- registrations of every page of the event move to the record; one person (by e-mail)
  active on two pages keeps one place: a seat before a queue place, then the earliest,
  and the other is cancelled, as staff would cancel a duplicate by hand;
- a question and its translations (matched by their order on the pages) share a key,
  and answers are stored under it instead of one page's question id;
- survey invitations and answers move to the record."""

import uuid

from django.conf import settings
from django.db import migrations
from django.utils import timezone

FACTS = (
    "event_type_id",
    "start",
    "end",
    "all_day",
    "status",
    "attendance_mode",
    "venue_name",
    "street_address",
    "postal_code",
    "municipality",
    "online_platform",
    "online_join_url",
    "organiser_id",
    "language",
    "region_id",
    "registration_enabled",
    "registration_opens",
    "registration_closes",
    "capacity",
    "waiting_list_enabled",
    "reminder_hours",
)


def _events_by_key(EventPage):
    groups = {}
    for page in EventPage.objects.select_related("locale").order_by("pk"):
        groups.setdefault(page.translation_key, []).append(page)
    return groups


def _owner(pages):
    default = [page for page in pages if page.locale.language_code == settings.LANGUAGE_CODE]
    return (default or pages)[0]


def _share_question_keys(RegistrationQuestion, owner, pages):
    """Give each of the owner's questions a key of its own and the same key to the
    question in the same place on each translation; returns {question id: key}."""
    keys = {}
    owned = list(RegistrationQuestion.objects.filter(page_id=owner.pk).order_by("sort_order", "pk"))
    for question in owned:
        question.key = uuid.uuid4()
        question.save(update_fields=["key"])
        keys[question.pk] = question.key
    for page in pages:
        if page.pk == owner.pk:
            continue
        translated = RegistrationQuestion.objects.filter(page_id=page.pk).order_by("sort_order", "pk")
        for position, question in enumerate(translated):
            question.key = owned[position].key if position < len(owned) else uuid.uuid4()
            question.save(update_fields=["key"])
            keys[question.pk] = question.key
    return keys


def _move_registrations(Registration, event, pages, question_keys, now):
    registrations = Registration.objects.filter(event_id__in=[page.pk for page in pages])
    for registration in registrations:
        registration.record_id = event.pk
        registration.answers = {
            str(question_keys.get(int(key), key)) if str(key).isdigit() else key: value
            for key, value in (registration.answers or {}).items()
        }
        registration.save(update_fields=["record", "answers"])
    active = registrations.filter(status__in=["confirmed", "waiting"]).exclude(email="")
    kept = {}
    ranked = sorted(active, key=lambda r: (r.status != "confirmed", r.created_at, r.pk))
    for registration in ranked:
        address = registration.email.strip().lower()
        if address in kept:
            registration.status = "cancelled"
            registration.cancelled_at = now
            registration.save(update_fields=["status", "cancelled_at"])
        else:
            kept[address] = registration


def forwards(apps, schema_editor):
    EventPage = apps.get_model("events", "EventPage")
    Event = apps.get_model("events", "Event")
    Registration = apps.get_model("events", "Registration")
    RegistrationQuestion = apps.get_model("events", "RegistrationQuestion")
    now = timezone.now()
    themes = EventPage.themes.through
    projects = EventPage.projects.through
    for key, pages in _events_by_key(EventPage).items():
        owner = _owner(pages)
        event = Event.objects.filter(translation_key=key).first() or Event(translation_key=key)
        for name in FACTS:
            setattr(event, name, getattr(owner, name))
        event.save()
        pks = [page.pk for page in pages]
        EventPage.objects.filter(pk__in=pks).update(event=event)
        theme_ids = themes.objects.filter(eventpage_id=owner.pk).values_list("theme_id", flat=True)
        event.themes.set(list(theme_ids))
        project_ids = projects.objects.filter(eventpage_id__in=pks).values_list("project_id", flat=True)
        event.projects.set(sorted(set(project_ids)))
        question_keys = _share_question_keys(RegistrationQuestion, owner, pages)
        _move_registrations(Registration, event, pages, question_keys, now)
    Event.objects.filter(pages__isnull=True).delete()  # a state whose page is gone
    for name in ("SurveyInvitation", "SurveyAnswer"):
        model = apps.get_model("events", name)
        for row in model.objects.select_related("event"):
            row.record_id = row.event.event_id
            row.save(update_fields=["record"])


class Migration(migrations.Migration):
    dependencies = [("events", "0012_event_record")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
