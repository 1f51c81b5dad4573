"""A reader narrows the project directory by region and target group, opens a project and
reaches its practice model, in Finnish, Swedish and English, with no axe-core violations
on any page on the way (the map too)."""

import pytest

from cms.factories import make_site, translate
from cms.models import Region
from tests.browser.axe import assert_accessible
from tests.browser.fixtures import new_page
from tests.browser.public_site import shared_site
from tests.network.factories import (
    PracticeModelFactory,
    PracticeModelIndexPageFactory,
    ProjectDirectoryPageFactory,
    ProjectFactory,
    region,
    target_group,
    theme,
)

# One site and server for the module (the tests only read it).
pytestmark = [pytest.mark.browser, pytest.mark.django_db]

LANGUAGES = {
    # language: (directory slug, library slug, show-button label, region, target group)
    "fi": ("hankkeet", "palaset", "Näytä hankkeet", "Pohjois-Savo", "Nuoret"),
    "sv": ("projekt", "pusselbitar", "Visa projekt", "Norra Savolax", "Unga"),
    "en": ("projects", "pieces", "Show projects", "North Savo", "Young people"),
}


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    with shared_site(django_db_blocker, build_directory) as served:
        yield served


@pytest.fixture
def page(browser, site):
    with new_page(browser, site[0]) as page:
        yield page


def build_directory():
    home = make_site()
    for language in ("sv", "en"):
        translate(home, language, title=f"Home {language}")
    directory = ProjectDirectoryPageFactory(parent=home)
    library = PracticeModelIndexPageFactory(parent=home)
    for language in ("sv", "en"):
        slug, library_slug, *_ = LANGUAGES[language]
        translate(directory, language, title=slug.capitalize(), slug=slug)
        translate(library, language, title=library_slug.capitalize(), slug=library_slug)
    east = region("ita-ja-pohjois-suomi", "Itä- ja Pohjois-Suomi", Region.Kind.REGIONAL_WHOLE)
    savo = Region.objects.create(
        slug="pohjois-savo",
        name_fi="Pohjois-Savo",
        name_sv="Norra Savolax",
        name_en="North Savo",
        parent=east,
    )
    karjala = region("pohjois-karjala", "Pohjois-Karjala", parent=east)
    young = target_group("nuoret", "Nuoret")
    young.name_en, young.name_sv = "Young people", "Unga"
    young.save()
    unemployed = target_group("tyottomat", "Työttömät")
    creative = theme("luovat-menetelmat", "Luovat menetelmät")
    pompeli = ProjectFactory(
        name="Petosen Pömpeli", regions=[savo], target_groups=[young], themes=[creative]
    )
    ProjectFactory(name="OSSI", regions=[savo], target_groups=[unemployed])
    ProjectFactory(name="KAKE", regions=[karjala], target_groups=[young])
    PracticeModelFactory(
        name="Palvelusafari nuorten vaikuttamisen välineenä",
        projects=[pompeli],
        themes=[creative],
    )
    return directory


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_reader_filters_projects_opens_one_and_reaches_its_practice_model(page, language):
    slug, _library, show, region_label, group_label = LANGUAGES[language]
    prefix = "" if language == "fi" else f"/{language}"

    page.goto(f"{prefix}/{slug}/")
    assert_accessible(page)
    page.get_by_role("checkbox", name=region_label).check()
    page.get_by_role("checkbox", name=group_label).check()
    page.get_by_role("button", name=show).click()
    page.wait_for_url("**/?**region=pohjois-savo**")
    results = page.locator(".directory__results")
    assert results.get_by_role("link", name="Petosen Pömpeli").is_visible()
    assert results.get_by_role("link", name="OSSI").count() == 0
    assert results.get_by_role("link", name="KAKE").count() == 0
    assert_accessible(page)

    results.get_by_role("link", name="Petosen Pömpeli").click()
    page.wait_for_url(f"**/{slug}/petosen-pompeli/")
    assert page.get_by_role("heading", level=1).inner_text() == "Petosen Pömpeli"
    assert_accessible(page)

    page.get_by_role("link", name="Palvelusafari nuorten vaikuttamisen välineenä").click()
    page.wait_for_url("**/palvelusafari-nuorten-vaikuttamisen-valineena/")
    heading = page.get_by_role("heading", level=1).inner_text()
    assert heading == "Palvelusafari nuorten vaikuttamisen välineenä"
    assert page.get_by_role("link", name="Petosen Pömpeli").is_visible()
    assert_accessible(page)

    page.goto(f"{prefix}/{slug}/kartta/")
    assert_accessible(page)
    page.locator('a[href$="?region=pohjois-savo"]').first.click()
    page.wait_for_url("**/?region=pohjois-savo")
    assert page.get_by_role("checkbox", name=region_label).is_checked()
