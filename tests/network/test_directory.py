"""The public project directory: facets and their counts, search, status from dates,
pagination, and query counts that do not grow with the number of projects."""

import datetime

from django.http import QueryDict

import pytest
import time_machine

from cms.models import Region
from network.facets import project_directory
from network.models import Project
from tests.network.factories import ProjectFactory, region, target_group, theme

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2025, 6, 1)


@pytest.fixture
def network_data():
    """Two counties under one regional whole, one elsewhere, and projects across them."""
    east = region("ita-ja-pohjois-suomi", "Itä- ja Pohjois-Suomi", Region.Kind.REGIONAL_WHOLE)
    savo = region("pohjois-savo", "Pohjois-Savo", parent=east)
    karjala = region("pohjois-karjala", "Pohjois-Karjala", parent=east)
    uusimaa = region("helsinki", "Helsinki")
    young = target_group("nuoret", "Nuoret")
    unemployed = target_group("tyottomat", "Työttömät")
    creative = theme("luovat-menetelmat", "Luovat menetelmät")
    running = {"start_date": datetime.date(2024, 1, 1), "end_date": datetime.date(2026, 12, 31)}
    ended = {"start_date": datetime.date(2019, 1, 1), "end_date": datetime.date(2022, 12, 31)}
    return {
        "ossi": ProjectFactory(
            name="OSSI", regions=[savo], target_groups=[unemployed], themes=[creative], **running
        ),
        "pompeli": ProjectFactory(
            name="Petosen Pömpeli", regions=[savo], target_groups=[young], **ended
        ),
        "kake": ProjectFactory(name="KAKE", regions=[karjala], target_groups=[young], **running),
        "tenho": ProjectFactory(
            name="Tenho",
            regions=[uusimaa],
            target_groups=[unemployed],
            programme=Project.Programme.ESR_PLUS_2021_2027,
            **running,
        ),
    }


def counts(params):
    directory = project_directory()
    selection = directory.parse(QueryDict(params))
    return {
        facet.key: {option.value: option.count for option in options}
        for facet, options in directory.facet_options(selection)
    }


def names(params):
    directory = project_directory()
    return sorted(p.name for p in directory.filter(directory.parse(QueryDict(params))))


@time_machine.travel(TODAY)
def test_facet_counts_say_how_many_projects_each_choice_would_show(network_data):
    found = counts("region=pohjois-savo")

    # Other families are counted within Pohjois-Savo ...
    assert found["target_group"] == {"nuoret": 1, "tyottomat": 1}
    assert found["status"] == {"upcoming": 0, "running": 1, "ended": 1}
    assert found["programme"]["esr-2014-2020"] == 2
    # ... while the region family itself still offers the other regions.
    assert found["region"]["pohjois-karjala"] == 1
    assert found["region"]["helsinki"] == 1


@time_machine.travel(TODAY)
def test_a_regional_whole_finds_the_projects_of_its_counties(network_data):
    assert names("region=ita-ja-pohjois-suomi") == ["KAKE", "OSSI", "Petosen Pömpeli"]
    assert counts("")["region"]["ita-ja-pohjois-suomi"] == 3


@time_machine.travel(TODAY)
def test_values_of_one_family_widen_and_families_narrow(network_data):
    assert names("region=pohjois-savo&region=helsinki") == ["OSSI", "Petosen Pömpeli", "Tenho"]
    assert names("region=ita-ja-pohjois-suomi&target_group=nuoret&status=running") == ["KAKE"]
    assert names("programme=esr-plus-2021-2027") == ["Tenho"]


def test_status_follows_from_the_dates_without_anyone_updating_it(network_data):
    with time_machine.travel(datetime.date(2020, 6, 1)):
        assert names("status=running") == ["Petosen Pömpeli"]
        assert names("status=upcoming") == ["KAKE", "OSSI", "Tenho"]
    with time_machine.travel(datetime.date(2027, 6, 1)):
        assert names("status=running") == []
        assert names("status=ended") == ["KAKE", "OSSI", "Petosen Pömpeli", "Tenho"]


def test_free_text_search_matches_every_word_in_name_summary_or_organisation(network_data):
    network_data["kake"].organisation.name = "Joensuun kaupunki"
    network_data["kake"].organisation.save()

    assert names("q=joensuun") == ["KAKE"]
    assert names("q=pömpeli petosen") == ["Petosen Pömpeli"]
    assert names("q=pömpeli joensuun") == []


def test_every_facet_family_is_counted_in_one_query(network_data, django_assert_num_queries):
    directory = project_directory()
    selection = directory.parse(QueryDict("region=pohjois-savo&target_group=nuoret&q=o"))
    directory.facet_options(selection)  # the taxonomies' rows, kept in the shared cache

    with django_assert_num_queries(1):
        directory.facet_options(selection)


def test_unknown_and_hostile_filter_values_are_ignored(network_data):
    directory = project_directory()
    selection = directory.parse(
        QueryDict("status=bogus&programme=x&region=nul\x00l&q=" + "a" * 5000)
    )

    assert selection.values["status"] == []
    assert selection.values["programme"] == []
    assert selection.values["region"] == []
    assert len(selection.query) == 100


@time_machine.travel(TODAY)
def test_directory_page_lists_filtered_projects_with_counts(client, directory, network_data):
    response = client.get(directory.url, {"region": "pohjois-savo", "status": "running"})

    html = response.content.decode()
    assert response.status_code == 200
    assert ">OSSI</a>" in html and "Petosen Pömpeli</a>" not in html
    assert 'value="pohjois-savo" checked' in html
    assert 'Pohjois-Karjala <span class="facet__count">(1)</span>' in html
    assert f'href="{directory.url}csv/?region=pohjois-savo&amp;status=running"' in html


def test_directory_pages_twenty_projects_at_a_time_keeping_the_filters(client, directory):
    young = target_group("nuoret", "Nuoret")
    ProjectFactory.create_batch(25, target_groups=[young])

    first = client.get(directory.url, {"target_group": "nuoret"}).content.decode()
    second = client.get(directory.url, {"target_group": "nuoret", "page": "2"}).content.decode()

    assert first.count('class="card project-card"') == 20
    assert second.count('class="card project-card"') == 5
    assert "?target_group=nuoret&amp;page=2" in first


@pytest.mark.parametrize(
    "query",
    ["page=999", "page=-1", "page=abc", "region=%00", "q=%00%01", "theme=" + "x" * 500],
)
def test_directory_answers_odd_addresses_without_error(client, directory, library, query):
    assert client.get(f"{directory.url}?{query}").status_code == 200
    assert client.get(f"{library.url}?{query}").status_code == 200
    assert client.get(f"{directory.url}csv/?{query}").status_code == 200


def test_unknown_project_region_or_model_is_not_found(client, directory, library):
    assert client.get(f"{directory.url}ei-ole/").status_code == 404
    assert client.get(f"{directory.url}alue/ei-ole/").status_code == 404
    assert client.get(f"{library.url}ei-ole/").status_code == 404


def test_directory_queries_do_not_grow_with_projects(
    client, directory, django_assert_max_num_queries
):
    savo = region("pohjois-savo", "Pohjois-Savo")
    young = target_group("nuoret", "Nuoret")
    creative = theme("luovat-menetelmat", "Luovat menetelmät")

    def queries_for(total):
        for _ in range(total - Project.objects.count()):
            ProjectFactory(regions=[savo], target_groups=[young], themes=[creative])
        client.get(directory.url)
        with django_assert_max_num_queries(DIRECTORY_BUDGET) as captured:
            client.get(directory.url, {"region": "pohjois-savo", "q": "hanke"})
        return len(captured)

    assert queries_for(3) == queries_for(40)


DIRECTORY_BUDGET = 25
