import io

from django.core.management import call_command

from wagtail.models import Page, Site

import pytest

from cms.models import HomePage, SiteSettings

pytestmark = pytest.mark.django_db


def test_demo_content_loads_a_translated_site_and_is_idempotent(client):
    call_command("load_demo_content", stdout=io.StringIO())
    pages_after_first_run = Page.objects.count()

    call_command("load_demo_content", stdout=io.StringIO())

    assert Page.objects.count() == pages_after_first_run
    home = Site.objects.get(is_default_site=True).root_page.specific
    assert isinstance(home, HomePage)
    assert {p.locale.language_code for p in home.get_translations(inclusive=True)} == {
        "fi",
        "sv",
        "en",
    }
    settings = SiteSettings.for_site(home.get_site())
    assert settings.accessibility_page is not None
    assert client.get("/").status_code == 200
    assert client.get("/en/about-us/").status_code == 200
    assert client.get("/sv/dataskydd/").status_code == 200


def test_demo_content_uses_only_example_addresses():
    call_command("load_demo_content", stdout=io.StringIO())

    settings = SiteSettings.objects.get()
    assert settings.contact_email.endswith("@example.org")
