"""What an editor's save told people, said back to the editor.

Publishing or unpublishing an event's page mails people through signal receivers
(events/receivers.py, events/calendars/state.py): a raised capacity promotes the waiting
list, a new time or place is sent to every registrant, a cancellation or withdrawal
tells them all. Those receivers run deep inside Wagtail's actions and have no request,
so the admin hooks take a snapshot of the event record before the action and compare it
with the record afterwards: who left the waiting list for a seat, and whether SEQUENCE
rose (someone is told) and why. The count of those told comes from the same queryset
that sends the notice (services.change_recipients)."""

from dataclasses import dataclass

from django.utils.translation import ngettext

from events.models import Event, Registration
from events.registrations import services


@dataclass(frozen=True)
class Snapshot:
    """The facts of an event record that decide who a save tells and of what."""

    event_pk: int
    sequence: int
    cancelled: bool
    time: tuple
    place: tuple
    waiting: frozenset

    @classmethod
    def of(cls, event_pk):
        """The record as it is now; None when there is no record (a page being created)."""
        event = Event.objects.filter(pk=event_pk).first()
        if event is None:
            return None
        waiting = Registration.objects.filter(event_id=event_pk).waiting()
        return cls(
            event_pk=event_pk,
            sequence=event.sequence,
            cancelled=event.is_cancelled or event.withdrawn_at is not None,
            time=(event.start, event.end, event.all_day),
            place=(event.attendance_mode, event.location_text),
            waiting=frozenset(waiting.values_list("pk", flat=True)),
        )


def told_since(before):
    """Sentences for the admin's messages: what the change since `before` told whom."""
    after = Snapshot.of(before.event_pk)
    if after is None:
        return []
    sentences = []
    promoted = Registration.objects.filter(pk__in=before.waiting).confirmed().count()
    if promoted:
        sentences.append(
            ngettext(
                "%(count)s person on the waiting list got a seat and an e-mail.",
                "%(count)s people on the waiting list got a seat and an e-mail.",
                promoted,
            )
            % {"count": promoted}
        )
    if after.sequence > before.sequence:
        told = services.change_recipients(before.event_pk).count()
        if told:
            sentences.append(_change_sentence(before, after, told))
    return sentences


def _change_sentence(before, after, count):
    if after.cancelled and not before.cancelled:
        template = ngettext(
            "%(count)s registrant is told that the event is cancelled.",
            "%(count)s registrants are told that the event is cancelled.",
            count,
        )
    elif after.time != before.time and after.place != before.place:
        template = ngettext(
            "%(count)s registrant is told of the new time and place.",
            "%(count)s registrants are told of the new time and place.",
            count,
        )
    elif after.time != before.time:
        template = ngettext(
            "%(count)s registrant is told of the new time.",
            "%(count)s registrants are told of the new time.",
            count,
        )
    elif after.place != before.place:
        template = ngettext(
            "%(count)s registrant is told of the new place.",
            "%(count)s registrants are told of the new place.",
            count,
        )
    else:
        template = ngettext(
            "%(count)s registrant is told of the change to the event.",
            "%(count)s registrants are told of the change to the event.",
            count,
        )
    return template % {"count": count}
