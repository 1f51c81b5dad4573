"""Sending the survey after events and storing answers without the person.

`invite_attendees` runs from the scheduled jobs (hourly) and is idempotent: a
registration is invited once (a unique invitation) and its e-mail queued once
(keyed in the outbox)."""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.db import transaction
from django.utils import timezone

from cms.outbox import queue_email
from events.models import (
    Event,
    EventPage,
    Registration,
    SurveyAnswer,
    SurveyInvitation,
    SurveyRating,
    SurveyVersion,
)
from events.surveys import emails

# People answer best soon after the event; an event ended longer ago is not surveyed
# (nor are old events when the survey is first switched on).
AFTER_END = datetime.timedelta(hours=1)
NOT_AFTER = datetime.timedelta(days=7)
PURPOSE = "event_survey"


def ended_events(now):
    """Event records (each once, whatever its languages) that ended recently, were
    neither cancelled nor withdrawn and are live in some language."""
    live = EventPage.objects.live().values("event_id")
    return (
        Event.objects.filter(pk__in=live, withdrawn_at__isnull=True)
        .exclude(status=Event.Status.CANCELLED)
        .filter(end__lte=now - AFTER_END, end__gte=now - NOT_AFTER)
        .order_by("start", "pk")
    )


def respondents(event):
    """Those marked attended, or every confirmed registrant if nobody was marked."""
    registrations = Registration.objects.filter(
        event=event, anonymised_at__isnull=True, survey_invitation__isnull=True
    ).confirmed()
    if Registration.objects.filter(event=event, attended=True).exists():
        registrations = registrations.filter(attended=True)
    return registrations


def invite_attendees(now=None):
    """Queue one survey e-mail to each respondent of each recently ended event."""
    version = SurveyVersion.current()
    if version is None:
        return 0
    now = now or timezone.now()
    invited = 0
    for event in ended_events(now):
        for registration in respondents(event):
            with transaction.atomic():
                invitation = SurveyInvitation.objects.create(
                    registration=registration, event=event, version=version, sent_at=now
                )
                queue_email(
                    **emails.render(invitation, registration),
                    purpose=PURPOSE,
                    key=str(invitation.pk),
                )
            invited += 1
    return invited


def record_answer(invitation, ratings, comment=""):
    """Store one answer and spend the link, in one transaction. Returns False when the
    link was spent meanwhile (a double submit), and stores nothing then."""
    values = [ratings[statement_id] for statement_id, _text in invitation.version.statement_texts()]
    indicator = (Decimal(sum(values)) / len(values)).quantize(
        Decimal("0.01"), rounding=ROUND_HALF_UP
    )
    with transaction.atomic():
        spent = SurveyInvitation.objects.filter(pk=invitation.pk, answered=False).update(
            answered=True
        )
        if not spent:
            return False
        answer = SurveyAnswer.objects.create(
            event=invitation.event,
            version=invitation.version,
            indicator=indicator,
            comment=comment,
        )
        SurveyRating.objects.bulk_create(
            SurveyRating(answer=answer, statement=statement_id, value=value)
            for statement_id, value in ratings.items()
        )
    return True
