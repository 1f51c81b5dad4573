"""Factories for the pages and records `events` owns, from plain data: event types, event
pages, a participation week with its submissions, and registrations. The demo loaders
feed their tables through these and tests may import them; like `cms.factories`, each
leaves what already exists as it is, so loading the demo again creates nothing new."""

import datetime

from django.utils import timezone

from cms.factories import ensure_child, terms
from events.models import EventPage, EventType, ParticipationWeekPage, Registration, Submission
from events.participation_week import services


def helsinki(day, hour, minute=0):
    """The aware time at `hour`:`minute` on `day` in the site's time zone (Helsinki)."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def event_types(rows):
    """Event types from rows of (slug, Finnish, Swedish, English), by slug."""
    return terms(EventType, rows)


def event_page(parent, slug, *, themes=(), **facts):
    """A published event page under an index or series; the facts (times, place,
    registration…) go to the one event record its translations share. Themes are given
    when the event has none yet."""
    event = ensure_child(parent, EventPage, slug, **facts)
    if themes and not event.themes.exists():
        event.themes.set(themes)
        event.save_revision().publish()
    return event


def participation_week(index, slug, **facts):
    """The participation week under `index`: the one already there (whatever its slug or
    dates), else a new one."""
    return ParticipationWeekPage.objects.child_of(index).first() or ensure_child(
        index, ParticipationWeekPage, slug, **facts
    )


def submission(week, *, approve=False, **facts):
    """An organisation's event submitted to `week`; `approve` publishes it in the
    programme as a moderator would (adding the organisation), telling nobody."""
    submitted = Submission.objects.create(week=week, **facts)
    if approve:
        services.approve(submitted, create_organisation=True, notify=False)
    return submitted


def registrations(event, people, *, answers=None, attended=False):
    """Registrants (name, e-mail, organisation) of the event page `event`, on its record
    so every language counts them: the first fill the seats, the rest wait. `answers`
    maps question labels to everyone's answer. Only once per event."""
    if Registration.objects.filter(event_id=event.event_id).exists():
        return
    questions = {q.label: str(q.key) for q in event.registration_questions.all()}
    for number, (name, email, organisation) in enumerate(people):
        full = event.capacity is not None and number >= event.capacity
        Registration.objects.create(
            event=event.record,
            language=event.locale.language_code,
            name=name,
            email=email,
            organisation=organisation,
            status=Registration.Status.WAITING if full else Registration.Status.CONFIRMED,
            attended=attended,
            answers={questions[label]: value for label, value in (answers or {}).items()},
            consent_version="demo",
            created_at=event.start - datetime.timedelta(days=14 - number),
        )
