"""Fixtures shared by the event tests."""

import datetime

import pytest
import time_machine

from tests.events.factories import EventIndexPageFactory, EventPageFactory

# Where the frozen clock stands unless a module sets its own NOW.
NOW = datetime.datetime(2026, 11, 2, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Rate limits count in the cache; each test starts from zero."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def frozen(request):
    """The clock stands still at the test module's NOW (this conftest's unless the module
    sets its own). A module freezes every test with `pytest.mark.usefixtures("frozen")`."""
    with time_machine.travel(getattr(request.module, "NOW", NOW), tick=False):
        yield


@pytest.fixture
def index(home):
    """An event index under the Finnish home page."""
    return EventIndexPageFactory(parent=home)


@pytest.fixture
def event(index):
    """A published event with the factory's defaults; modules that need other facts
    (capacity, dates, registrations) override it."""
    event = EventPageFactory(parent=index)
    event.save_revision().publish()
    return event
