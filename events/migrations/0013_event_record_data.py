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
- survey invitations and answers move to the record;
- page revisions get the question keys, the facts as `event_facts` and, for a pending
  draft or a scheduled revision, the facts it would change as `event_changes`, so
  publishing it later still changes them (see `EventPage.with_content_json`)."""

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
        translated = RegistrationQuestion.objects.filter(page_id=page.pk).order_by(
            "sort_order", "pk"
        )
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


def _revision_facts(content):
    facts = {}
    for name in FACTS:
        field = name.removesuffix("_id")
        if field in content:
            facts[field] = content[field]
    for name in ("themes", "projects"):
        if name in content:
            facts[name] = sorted(content[name] or [])
    return facts


def _record_facts(event):
    facts = {name.removesuffix("_id"): getattr(event, name) for name in FACTS}
    facts["themes"] = sorted(event.themes.values_list("pk", flat=True))
    facts["projects"] = sorted(event.projects.values_list("pk", flat=True))
    return facts


def _differs(stored, revised):
    def plain(value):
        return value.isoformat().replace("+00:00", "Z") if hasattr(value, "isoformat") else value

    def comparable(value):
        text = plain(value)
        return (
            text.rstrip("Z").split("+")[0][:19] if isinstance(text, str) and "T" in text else text
        )

    return comparable(stored) != comparable(revised)


def _update_revisions(apps, keys, now):
    """Revisions keep a copy of each question and of the facts: give each question the
    key it now has, and say which facts a pending or scheduled revision changes."""
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    EventPage = apps.get_model("events", "EventPage")
    page_type = ContentType.objects.filter(app_label="events", model="eventpage").first()
    if page_type is None:
        return
    pages = {page.pk: page for page in EventPage.objects.select_related("event")}
    for revision in Revision.objects.filter(content_type=page_type).iterator():
        page = pages.get(int(revision.object_id))
        if page is None:
            continue
        content = revision.content
        for item in content.get("registration_questions") or []:
            item["key"] = str(keys.get(item.get("pk")) or uuid.uuid4())
        facts = _revision_facts(content)
        content["event_facts"] = facts
        pending = page.has_unpublished_changes and revision.pk == page.latest_revision_id
        scheduled = revision.approved_go_live_at is not None and revision.approved_go_live_at > now
        stored = _record_facts(page.event)
        content["event_changes"] = (
            [name for name, value in facts.items() if _differs(stored.get(name), value)]
            if pending or scheduled
            else []
        )
        revision.save(update_fields=["content"])


def forwards(apps, schema_editor):
    EventPage = apps.get_model("events", "EventPage")
    Event = apps.get_model("events", "Event")
    Registration = apps.get_model("events", "Registration")
    RegistrationQuestion = apps.get_model("events", "RegistrationQuestion")
    now = timezone.now()
    themes = EventPage.themes.through
    projects = EventPage.projects.through
    all_keys = {}
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
        project_ids = projects.objects.filter(eventpage_id__in=pks).values_list(
            "project_id", flat=True
        )
        event.projects.set(sorted(set(project_ids)))
        question_keys = _share_question_keys(RegistrationQuestion, owner, pages)
        all_keys.update(question_keys)
        _move_registrations(Registration, event, pages, question_keys, now)
    Event.objects.filter(pages__isnull=True).delete()  # a state whose page is gone
    for name in ("SurveyInvitation", "SurveyAnswer"):
        model = apps.get_model("events", name)
        for row in model.objects.select_related("event"):
            row.record_id = row.event.event_id
            row.save(update_fields=["record"])
    _update_revisions(apps, all_keys, now)


class Migration(migrations.Migration):
    dependencies = [("events", "0012_event_record"), ("wagtailcore", "0098_apitoken")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
