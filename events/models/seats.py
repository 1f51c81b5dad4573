"""The one place that says how many seats an event has left (after pretix's
QuotaAvailability): queue any number of events, compute them in one query, read the
answer. Every page, feed, e-mail, admin view and the registration service asks here.

Registrations and the capacity belong to the event record, so seats are counted per
record: the Swedish page of an event shows the same seats as the Finnish one. The
`events` given may be pages or records."""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from .registrations import Registration


@dataclass(frozen=True)
class Seats:
    capacity: int | None
    confirmed: int = 0
    waiting: int = 0
    waiting_list: bool = True

    @property
    def unlimited(self):
        return self.capacity is None

    @property
    def left(self):
        """Free seats, or None when the event has no limit."""
        return None if self.unlimited else max(self.capacity - self.confirmed, 0)

    @property
    def has_free_seat(self):
        return self.unlimited or self.left > 0

    @property
    def full(self):
        return not self.has_free_seat

    def label(self):
        """ "Seats left: 12", "Full – waiting list open", "Full" or "" without a limit."""
        if self.unlimited:
            return ""
        if self.left:
            return _("Seats left: %(count)s") % {"count": self.left}
        if self.waiting_list:
            return _("Full – waiting list open")
        return _("Full")


class SeatAvailability:
    """Seats of many events from one query: `SeatAvailability(events).compute()`,
    then `availability[event]`."""

    def __init__(self, events):
        self.events = list(events)
        self._counts = {}

    def compute(self):
        keys = {_record_id(event) for event in self.events}
        if keys:
            rows = (
                Registration.objects.filter(event_id__in=keys)
                .order_by()
                .values("event_id")
                .annotate(
                    confirmed=Count("pk", filter=Q(status=Registration.Status.CONFIRMED)),
                    waiting=Count("pk", filter=Q(status=Registration.Status.WAITING)),
                )
            )
            self._counts = {row["event_id"]: row for row in rows}
        return self

    def __getitem__(self, event):
        row = self._counts.get(_record_id(event), {})
        return Seats(
            capacity=event.capacity,
            confirmed=row.get("confirmed", 0),
            waiting=row.get("waiting", 0),
            waiting_list=event.waiting_list_enabled,
        )


def _record_id(event):
    return getattr(event, "event_id", None) or event.pk


def with_seats(events):
    """`events` as a list, each with its `seats` set, in one query for them all."""
    events = list(events)
    availability = SeatAvailability(events).compute()
    for event in events:
        event.seats = availability[event]
    return events


def seats_of(event):
    """One event's seats (one query); inside the registration lock, the truth."""
    return SeatAvailability([event]).compute()[event]
