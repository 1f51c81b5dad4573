"""Project, region, map and practice-model pages: what each shows and where it links."""

import datetime

import pytest

from cms.factories import translate
from cms.models import Person
from tests.cms.factories import PersonFactory
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.network.factories import (
    PracticeModelFactory,
    ProjectFactory,
    region,
    target_group,
    theme,
)

pytestmark = pytest.mark.django_db


def test_project_page_lists_its_card_practice_models_events_and_coordinators(
    client, home, directory, library, savo
):
    project = ProjectFactory(
        name="Osallisuutta Savoon",
        short_name="OSSI",
        regions=[savo],
        goals="Vahvistaa kokemustoimijoiden ääntä.",
        contact_name="Outi Oksanen",
        contact_email="outi@example.org",
    )
    model = PracticeModelFactory(name="Kokemustoimijat vaikuttajina", projects=[project])
    events = EventIndexPageFactory(parent=home)
    event = EventPageFactory(parent=events, title="Kokemustoimijoiden kahvila")
    event.projects.add(project)
    event.save()
    EventPageFactory(parent=events, title="Muu tapahtuma")
    PersonFactory(name="Kaisa Koordinaattori", role=Person.Role.REGIONAL_COORDINATOR, region=savo)
    PersonFactory(name="Iida Itä", role=Person.Role.REGIONAL_COORDINATOR, region=savo.parent)
    PersonFactory(name="Muu Alue", role=Person.Role.REGIONAL_COORDINATOR, region=None)

    response = client.get(f"{directory.url}ossi/")

    html = response.content.decode()
    assert "<h1>OSSI – Osallisuutta Savoon</h1>" in html
    assert "Vahvistaa kokemustoimijoiden ääntä." in html
    assert f'href="{library.url}{model.slug}/">Kokemustoimijat vaikuttajina</a>' in html
    assert "Kokemustoimijoiden kahvila" in html and "Muu tapahtuma" not in html
    assert "Kaisa Koordinaattori" in html and "Iida Itä" in html
    assert "Muu Alue" not in html
    assert f'href="{directory.url}alue/pohjois-savo/">Pohjois-Savo</a>' in html
    assert '<link rel="canonical" href="http://testserver/hankkeet/ossi/">' in html
    assert "<title>OSSI – Osallisuutta Savoon – Hankkeet" in html


def test_project_page_keeps_the_project_in_every_language(client, directory, savo):
    ProjectFactory(name="OSSI", regions=[savo])
    swedish = translate(directory, "sv", title="Projekt", slug="projekt")

    html = client.get(f"{directory.url}ossi/").content.decode()
    swedish_html = client.get(f"{swedish.url}ossi/").content.decode()

    assert f'hreflang="sv" href="http://testserver{swedish.url}ossi/"' in html
    assert f'href="{swedish.url}ossi/" lang="sv"' in html  # language switcher
    assert f'href="{swedish.url}alue/pohjois-savo/"' in swedish_html


def test_a_project_linked_on_the_finnish_page_shows_on_the_swedish_project_page(
    client, home, directory, savo
):
    project = ProjectFactory(name="OSSI", regions=[savo])
    index = EventIndexPageFactory(parent=home)
    finnish = EventPageFactory(parent=index, title="Kokemustoimijoiden kahvila")
    finnish.save_revision().publish()
    translate(index, "sv", title="Evenemang", slug="evenemang")
    translate(finnish, "sv", title="Erfarenhetskafé", slug="erfarenhetskafe")
    english = translate(finnish, "en", title="Experts by experience café", slug="cafe")
    swedish_directory = translate(directory, "sv", title="Projekt", slug="projekt")

    # The editor links the project while editing the Finnish page, after translating it.
    draft = finnish.get_latest_revision_as_object()
    draft.projects.add(project)
    draft.save_revision().publish()

    swedish_html = client.get(f"{swedish_directory.url}ossi/").content.decode()
    finnish_html = client.get(f"{directory.url}ossi/").content.decode()
    assert "Erfarenhetskafé" in swedish_html and "Kokemustoimijoiden kahvila" not in swedish_html
    assert "Kokemustoimijoiden kahvila" in finnish_html
    assert list(english.event.projects.all()) == [project]


def test_region_page_shows_its_coordinators_and_running_projects(client, directory, savo):
    PersonFactory(name="Kaisa Koordinaattori", role=Person.Role.REGIONAL_COORDINATOR, region=savo)
    ProjectFactory(name="Käynnissä", regions=[savo], end_date=datetime.date(2099, 1, 1))
    ProjectFactory(name="Päättynyt", regions=[savo], end_date=datetime.date(2021, 1, 1))

    html = client.get(f"{directory.url}alue/pohjois-savo/").content.decode()

    assert "<h1>Pohjois-Savo</h1>" in html
    assert "Kaisa Koordinaattori" in html
    assert ">Käynnissä</a>" in html and ">Päättynyt</a>" not in html
    assert f'href="{directory.url}?region=pohjois-savo"' in html
    assert f'href="{directory.url}alue/ita-ja-pohjois-suomi/">Itä- ja Pohjois-Suomi</a>' in html


def test_map_links_every_county_to_the_filtered_directory_with_a_table_alternative(
    client, directory, savo
):
    region("helsinki", "Helsinki")
    ProjectFactory.create_batch(3, regions=[savo])

    html = client.get(f"{directory.url}kartta/").content.decode()

    assert "<svg" in html and 'aria-labelledby="map-title"' in html
    assert f'<a href="{directory.url}?region=pohjois-savo" aria-label="Pohjois-Savo: 3' in html
    assert f'<a href="{directory.url}?region=helsinki" aria-label="Helsinki: 0' in html
    assert "<table" in html and '<th scope="row">' in html
    assert f'<td><a href="{directory.url}?region=ita-ja-pohjois-suomi">3</a></td>' in html


def test_map_queries_do_not_grow_with_projects(
    client, directory, savo, django_assert_max_num_queries
):
    def queries_for(total):
        ProjectFactory.create_batch(total, regions=[savo])
        client.get(f"{directory.url}kartta/")
        with django_assert_max_num_queries(20) as captured:
            client.get(f"{directory.url}kartta/")
        return len(captured)

    assert queries_for(2) == queries_for(20)


def test_practice_model_library_filters_by_theme_and_links_to_source_projects(
    client, directory, library
):
    creative = theme("luovat-menetelmat", "Luovat menetelmät")
    young = target_group("nuoret", "Nuoret")
    project = ProjectFactory(name="Petosen Pömpeli")
    model = PracticeModelFactory(name="Palvelusafari", projects=[project], themes=[creative])
    model.target_groups.add(young)
    PracticeModelFactory(name="Valtaajat")

    listing = client.get(library.url, {"theme": "luovat-menetelmat"}).content.decode()
    detail = client.get(f"{library.url}{model.slug}/").content.decode()

    assert ">Palvelusafari</a>" in listing and ">Valtaajat</a>" not in listing
    assert 'Luovat menetelmät <span class="facet__count">(1)</span>' in listing
    assert "<h1>Palvelusafari</h1>" in detail
    assert f'href="{directory.url}petosen-pompeli/">Petosen Pömpeli</a>' in detail
    assert f'href="{library.url}?theme=luovat-menetelmat"' in detail


def test_sitemap_lists_every_project_and_practice_model(client, directory, library):
    ProjectFactory(name="OSSI")
    model = PracticeModelFactory(name="Valtaajat")

    xml = client.get("/sitemap.xml").content.decode()

    assert f"<loc>http://testserver{directory.url}ossi/</loc>" in xml
    assert f"<loc>http://testserver{library.url}{model.slug}/</loc>" in xml
    assert f"<loc>http://testserver{directory.url}</loc>" in xml


def test_csv_download_has_public_fields_and_absolute_addresses(client, directory, savo):
    ProjectFactory(
        name="OSSI", regions=[savo], contact_name="Outi", contact_email="outi@example.org"
    )
    ProjectFactory(name="=HYPERLINK(1)")

    response = client.get(f"{directory.url}csv/", {"region": "pohjois-savo"})

    text = response.content.decode()
    assert response["Content-Type"].startswith("text/csv")
    assert text.startswith("\ufeffname;short_name;implementer;implementer_type;partners;")
    assert response["Content-Disposition"] == 'attachment; filename="hankkeet.csv"'
    assert "OSSI" in text and "HYPERLINK" not in text
    assert f"http://testserver{directory.url}ossi/" in text
    assert "outi@example.org" not in text and "Outi" not in text
    everything = client.get(f"{directory.url}csv/").content.decode()
    assert "'=HYPERLINK(1)" in everything
