"""The open-data API: schema, facet filters, absolute page addresses from BASE_URL, no
personal data, CORS, read-only, and query counts that do not grow with the rows."""

import datetime

from django.test import override_settings
from django.utils import timezone

import pytest

from cms.api_pagination import BaseUrlPagination
from cms.models import Region
from events.models import Event
from network.api import ProjectSerializer
from network.exporting import columns
from network.models import Project
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.network.factories import PracticeModelFactory, ProjectFactory, region, target_group

pytestmark = pytest.mark.django_db


def test_the_api_and_the_csv_download_publish_the_same_project_fields():
    """Project.PUBLIC_FIELDS is the one list: a field is open data in both or neither."""
    in_api = set(ProjectSerializer.Meta.fields) - {"slug", "practice_models", "url"}
    in_csv = set(columns()) - {"implementer_type", "url"}

    assert in_api == in_csv == set(Project.PUBLIC_FIELDS)
    assert not {"contact_name", "contact_email"} & set(Project.PUBLIC_FIELDS)


def test_schema_is_openapi_and_documents_the_filters(client):
    response = client.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")

    schema = response.json()
    assert response.status_code == 200
    assert schema["openapi"].startswith("3.")
    assert {"/api/projects/", "/api/practice-models/", "/api/events/"} <= set(schema["paths"])
    project_filters = {p["name"] for p in schema["paths"]["/api/projects/"]["get"]["parameters"]}
    assert {"region", "status", "target_group", "theme", "programme", "q", "page"} <= (
        project_filters
    )
    assert "contact_email" not in str(schema["components"]["schemas"]["Project"])


@override_settings(BASE_URL="https://osallisuus.example.org")
def test_projects_filter_by_facets_and_link_to_their_public_page(client, directory, savo):
    young = target_group("nuoret", "Nuoret")
    ProjectFactory(
        name="OSSI", regions=[savo], target_groups=[young], contact_email="o@example.org"
    )
    ProjectFactory(name="KAKE", regions=[savo])
    ProjectFactory(name="Tenho", target_groups=[young])

    data = client.get(
        "/api/projects/", {"region": "ita-ja-pohjois-suomi", "target_group": "nuoret"}
    ).json()

    assert data["count"] == 1
    ossi = data["results"][0]
    assert ossi["name"] == "OSSI"
    assert ossi["url"] == "https://osallisuus.example.org/hankkeet/ossi/"
    assert ossi["regions"] == ["pohjois-savo"] and ossi["status"] == "running"
    assert "contact_email" not in ossi and "contact_name" not in ossi
    assert "o@example.org" not in str(data)


def test_practice_models_filter_by_theme_and_link_to_their_page(client, library):
    from tests.network.factories import theme

    creative = theme("luovat-menetelmat", "Luovat menetelmät")
    PracticeModelFactory(name="Mokaamalla oppiminen", themes=[creative])
    PracticeModelFactory(name="Valtaajat")

    data = client.get("/api/practice-models/", {"theme": "luovat-menetelmat"}).json()

    assert [item["title"] for item in data["results"]] == ["Mokaamalla oppiminen"]
    assert data["results"][0]["url"].startswith("http://testserver/palaset/")


def test_upcoming_events_only_with_public_fields(client, home):
    index = EventIndexPageFactory(parent=home)
    EventPageFactory(parent=index, title="Tuleva kahvila")
    past = timezone.now() - datetime.timedelta(days=3)
    EventPageFactory(
        parent=index, title="Mennyt", start=past, end=past + datetime.timedelta(hours=1)
    )

    data = client.get("/api/events/").json()

    assert [item["title"] for item in data["results"]] == ["Tuleva kahvila"]
    assert data["results"][0]["url"].startswith("http://testserver/tapahtumat/")
    assert "teams.example.org" not in str(data)


def test_events_filtered_by_a_regional_whole_include_its_counties(client, home, savo):
    index = EventIndexPageFactory(parent=home)
    in_county = EventPageFactory(parent=index, title="Kuopion kahvila")
    elsewhere = EventPageFactory(parent=index, title="Muu kahvila")
    Event.objects.filter(pk=in_county.event_id).update(region=savo)
    Event.objects.filter(pk=elsewhere.event_id).update(
        region=region("uusimaa", "Uusimaa", Region.Kind.WELLBEING_COUNTY)
    )

    data = client.get("/api/events/", {"region": "ita-ja-pohjois-suomi"}).json()

    assert [item["title"] for item in data["results"]] == ["Kuopion kahvila"]


def test_api_is_open_to_every_origin_and_read_only(client):
    response = client.get("/api/projects/", HTTP_ORIGIN="https://kunta.example.org")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert client.post("/api/projects/", {"name": "x"}).status_code == 405
    assert client.get("/api/projects/ei-ole/").status_code == 404
    assert client.get("/api/projects/", {"page": "99"}).status_code == 404
    assert client.get("/api/projects/", {"q": "\x00"}).status_code == 200


@pytest.mark.parametrize(
    ("url", "params", "message"),
    [
        ("/api/projects/", {"page": "0"}, "Sivun on oltava kokonaisluku 1–1000000."),
        ("/api/events/", {"page": "last"}, "Sivun on oltava kokonaisluku 1–1000000."),
        ("/api/projects/", {"status": "kesken"}, "upcoming, running, ended"),
        ("/api/projects/", {"region": "\x00"}, "kirjaimia a–z"),
        ("/api/events/", {"theme": ""}, "kirjaimia a–z"),
        ("/api/practice-models/", {"theme": ["a"] * 31}, "enintään 30 kertaa"),
    ],
)
def test_a_parameter_the_schema_does_not_allow_answers_400_with_a_message(
    client, url, params, message
):
    response = client.get(url, params)

    assert response.status_code == 400
    assert message in response.json()["detail"]


def test_every_address_under_api_answers_json_even_when_there_is_nothing(client):
    for url in ("/api/projects/ei/ole/", "/api/events/-1/", "/api/mita/"):
        response = client.get(url)
        assert response.status_code == 404
        assert response.json() == {"detail": "Ei löydy."}


def test_api_queries_do_not_grow_with_rows(
    client, directory, library, savo, django_assert_max_num_queries
):
    def queries_for(total):
        for _ in range(total - len(client.get("/api/projects/").json()["results"])):
            project = ProjectFactory(regions=[savo])
            PracticeModelFactory(projects=[project])
        counts = []
        for url, params in (
            ("/api/projects/", {"region": "pohjois-savo"}),
            ("/api/practice-models/", {}),
        ):
            client.get(url, params)  # warm the site's cached root paths
            with django_assert_max_num_queries(15) as captured:
                client.get(url, params)
            counts.append(len(captured))
        return counts

    assert queries_for(2) == queries_for(20)


@override_settings(BASE_URL="https://osallisuus.example.org")
def test_page_links_point_at_base_url_not_the_request_host(client, directory, monkeypatch):
    monkeypatch.setattr(BaseUrlPagination, "page_size", 1)
    ProjectFactory(name="OSSI")
    ProjectFactory(name="KAKE")

    data = client.get("/api/projects/", {"q": ""}, HTTP_HOST="internal-proxy:8080").json()

    assert data["next"].startswith("https://osallisuus.example.org/api/projects/?")
    assert "page=2" in data["next"]
    second = client.get(data["next"].removeprefix("https://osallisuus.example.org")).json()
    assert second["previous"].startswith("https://osallisuus.example.org/api/projects/")


@pytest.mark.parametrize("event_id", ["0", "3443863102017475532096475875495641088"])
def test_an_event_id_that_is_no_event_answers_404_however_long(client, event_id):
    assert client.get(f"/api/events/{event_id}/").status_code == 404
