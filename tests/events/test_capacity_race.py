"""Many people registering for the last seats at once never get more seats than exist."""

import functools
import time

from django.db import connection

import pytest

from events.models import Registration
from events.registrations import services
from tests.events.factories import EventPageFactory
from tests.races import all_at_once

pytestmark = pytest.mark.django_db(transaction=True)

CLIENTS = 24
SEATS = 3


@pytest.fixture
def event(index):
    event = EventPageFactory(parent=index, registration_enabled=True, capacity=SEATS)
    event.save_revision().publish()
    return event


def race(event, emails, attempts=1):
    """Register every address at the same moment, each from its own thread and
    database connection, trying again after a "try again" answer up to `attempts`
    times as a person would; returns the exceptions raised."""

    def register(email):
        for attempt in range(attempts):
            try:
                data = {"name": "Kilpailija", "email": email}
                services.register(event.event, data, language="fi")
                return
            except services.RegistrationBusy:
                if attempt == attempts - 1:
                    raise
                time.sleep(0.05)

    return all_at_once(*(functools.partial(register, email) for email in emails))


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="races need PostgreSQL row locks")
def test_parallel_registrations_never_overbook(event):
    errors = race(event, [f"kilpailija{n}@example.org" for n in range(CLIENTS)])

    assert errors == []
    registrations = Registration.objects.filter(event=event.event)
    assert registrations.confirmed().count() == SEATS
    assert registrations.waiting().count() == CLIENTS - SEATS
    positions = sorted(r.waiting_position() for r in registrations.waiting())
    assert positions == list(range(1, CLIENTS - SEATS + 1))


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="races need PostgreSQL row locks")
def test_same_address_registering_in_parallel_takes_one_seat(event):
    errors = race(event, ["sama@example.org"] * CLIENTS)

    assert errors == []
    assert Registration.objects.filter(event=event.event).count() == 1


@pytest.mark.skipif(connection.vendor != "sqlite", reason="checks SQLite's write lock")
def test_parallel_registrations_never_overbook_on_sqlite(event, monkeypatch):
    """On SQLite `select_for_update` does nothing: the lock is the write lock that the
    registration's IMMEDIATE transaction takes when it begins. Answering "is a seat
    free?" is slowed down here so that, without that transaction, every client would
    see the same free seat (the test then overbooks; seen failing that way)."""
    count_seats = services.seats_of

    def slow_seats_of(event):
        seats = count_seats(event)
        time.sleep(0.02)
        return seats

    monkeypatch.setattr(services, "seats_of", slow_seats_of)
    errors = race(event, [f"kilpailija{n}@example.org" for n in range(CLIENTS)], attempts=200)

    assert errors == []
    registrations = Registration.objects.filter(event=event.event)
    assert registrations.confirmed().count() == SEATS
    assert registrations.waiting().count() == CLIENTS - SEATS
