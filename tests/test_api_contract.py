"""The open-data API keeps its own contract: schemathesis reads /api/schema/ and sends a
few hundred requests, valid and invalid, to every operation through the WSGI app, and
checks every answer against the schema (documented status, body, content type, headers;
invalid parameters refused, valid ones accepted, no server error). The data is demo-like:
items with every optional field filled and empty, an event with a region and one without.

Deterministic (Hypothesis derandomised, no example database), so a run repeats in any
order and on any xdist worker."""

import datetime
from contextlib import contextmanager

from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.utils import timezone

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from cms.models import Region
from network.models import Organisation
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.network.factories import (
    OrganisationFactory,
    PracticeModelFactory,
    PracticeModelIndexPageFactory,
    ProjectDirectoryPageFactory,
    ProjectFactory,
    region,
    target_group,
    theme,
)

pytestmark = pytest.mark.django_db


@contextmanager
def connections_kept_open():
    """As in Django's test client: the start and end of a request must not close the
    database connection the test's transaction (or the in-memory database) lives in."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    try:
        yield
    finally:
        for signal in (request_started, request_finished):
            signal.connect(close_old_connections)


@pytest.fixture(autouse=True)
def wsgi_requests_keep_the_connection():
    with connections_kept_open():
        yield


@pytest.fixture
def demo_items(home):
    """A small directory and calendar shaped like the demo content."""
    ProjectDirectoryPageFactory(parent=home)
    PracticeModelIndexPageFactory(parent=home)
    east = region("ita-ja-pohjois-suomi", "Itä- ja Pohjois-Suomi", Region.Kind.REGIONAL_WHOLE)
    savo = region("pohjois-savo", "Pohjois-Savo", parent=east)
    young, creative = target_group("nuoret", "Nuoret"), theme("luovat", "Luovat menetelmät")
    full = ProjectFactory(
        name="Osallisuutta Savoon",
        short_name="OSSI",
        regions=[savo],
        target_groups=[young],
        themes=[creative],
        goals="Tavoitteet.",
        website="https://ossi.example.org/",
    )
    full.partners.set([OrganisationFactory(kind=Organisation.Kind.MUNICIPALITY)])
    bare = ProjectFactory(name="Tenho", end_date=None, summary="")
    PracticeModelFactory(
        name="Mokaamalla oppiminen",
        projects=[full, bare],
        themes=[creative],
        external_url="https://malli.example.org/",
    )
    PracticeModelFactory(name="Valtaajat", summary="", description="")

    index = EventIndexPageFactory(parent=home)
    soon = timezone.now().replace(microsecond=0) + datetime.timedelta(days=3)
    cafe = EventPageFactory(
        parent=index,
        title="Kahvila Kuopiossa",
        region=savo,
        attendance_mode="onsite",
        venue_name="Kirjasto",
        municipality="Kuopio",
        start=soon,
        end=soon + datetime.timedelta(hours=2),
    )
    cafe.themes.set([creative])
    cafe.projects.set([full])
    cafe.save_revision().publish()
    EventPageFactory(parent=index, title="Webinaari ilman aluetta")
    return {"project": full.slug, "practice_model": "mokaamalla-oppiminen", "event": cafe.pk}


# The schema the site serves, read once when the tests are collected (it asks nothing of
# the database); every case then goes through the same WSGI app, in the test's transaction.
with connections_kept_open():
    schema = schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application())


@schema.parametrize()
@settings(
    max_examples=50,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
def test_every_answer_is_one_the_schema_documents(case, demo_items):
    case.call_and_validate()


def test_every_item_page_answers_as_documented(demo_items):
    """Fuzzed slugs and ids almost never name a row: ask for each demo item by name too."""
    for path, parameters in (
        ("/api/projects/{slug}/", {"slug": demo_items["project"]}),
        ("/api/practice-models/{slug}/", {"slug": demo_items["practice_model"]}),
        ("/api/events/{id}/", {"id": demo_items["event"]}),
    ):
        case = schema[path]["GET"].Case(path_parameters=parameters)
        assert case.call_and_validate().status_code == 200
    for path in ("/api/projects/", "/api/practice-models/", "/api/events/"):
        response = schema[path]["GET"].Case().call_and_validate()
        assert response.status_code == 200 and len(response.json()["results"]) == 2
