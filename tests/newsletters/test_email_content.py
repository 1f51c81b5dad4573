"""The issue as an e-mail: every link absolute from BASE_URL, and a text part that says
what the HTML says, link addresses included."""

import gc
import re

from wagtail.images import get_image_model
from wagtail.models import Site

import pytest
import wagtail_factories

from newsletters.emails import fill_links, recipient_links, render_issue
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

BASE_URL = "https://osallisuus.example.org"


class ImageFactory(wagtail_factories.ImageFactory):
    description = "Ihmisiä etäkahvilassa"

    class Meta:
        model = get_image_model()


@pytest.fixture
def localhost_site(settings, home):
    """The Site record says localhost, as after `migrate`; BASE_URL is the real name."""
    settings.BASE_URL = BASE_URL
    Site.objects.update(hostname="localhost", port=80)


@pytest.fixture
def full_issue(issue, home, localhost_site):
    news = StandardPageFactory(parent=home, title="Uutinen", slug="uutinen", lead="Lyhyesti.")
    image = ImageFactory()
    issue.body = [
        (
            "paragraph",
            f'<p>Lue <a linktype="page" id="{news.pk}">uutinen</a> ja '
            '<a href="https://example.org/a?b=1&amp;c=2">raportti</a> &amp; muuta.</p>',
        ),
        ("image", {"image": image, "alt_text": image.description, "decorative": False}),
        ("featured_page", {"page": news, "title": "", "lead": ""}),
        ("call_to_action", {"text": "Ilmoittaudu", "page": news, "external_url": ""}),
    ]
    issue.save_revision().publish()
    yield issue
    gc.collect()


def addresses(html):
    return re.findall(r'(?:href|src)="([^"]*)"', html)


def sent_html_and_text(issue):
    rendered = render_issue(issue)
    return fill_links(rendered, recipient_links(7, [1], issue.pk))


# Wagtail leaves a temporary file open when it makes a rendition in memory storage.
@pytest.mark.filterwarnings("ignore::ResourceWarning")
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_every_link_and_image_in_the_html_is_absolute_from_base_url(full_issue):
    html, _text = sent_html_and_text(full_issue)

    found = addresses(html)
    assert found
    assert [a for a in found if not a.startswith((BASE_URL + "/", "https://example.org/"))] == []
    assert f"{BASE_URL}/uutinen/" in found  # rich-text page link, featured page and button
    assert full_issue.url.lstrip("/") and f"{BASE_URL}{full_issue.url}" in found  # browser
    assert any(a.startswith(f"{BASE_URL}/media/") for a in found)  # the image
    assert any("/uutiskirjeet/peru/" in a for a in found)
    assert any("/uutiskirjeet/asetukset/" in a for a in found)
    assert "localhost" not in html


@pytest.mark.filterwarnings("ignore::ResourceWarning")
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_the_text_part_keeps_link_addresses_and_decodes_entities(full_issue):
    html, text = sent_html_and_text(full_issue)

    assert f"{BASE_URL}/uutinen/" in text
    assert "https://example.org/a?b=1&c=2" in text
    assert "raportti" in text and "& muuta" in text
    assert "&amp;" not in text
    assert "Ihmisiä etäkahvilassa" in text  # the image's alt text
    unsubscribe = next(a for a in addresses(html) if "/uutiskirjeet/peru/" in a)
    assert unsubscribe in text
    assert not re.search(r"<(?!https://)", text)  # no tags, only <address> delimiters
    assert "{{" not in text
    assert "localhost" not in text
