import gc
import re

from django.utils import timezone

from wagtail.images import get_image_model

import pytest
import wagtail_factories

from newsletters.emails import render_issue
from newsletters.models import Send
from tests.factories import StandardPageFactory
from tests.newsletters.factories import NewsletterIssuePageFactory

pytestmark = pytest.mark.django_db


class ImageFactory(wagtail_factories.ImageFactory):
    description = "Ihmisiä etäkahvilassa"

    class Meta:
        model = get_image_model()


def mark_sent(issue):
    now = timezone.now()
    return Send.objects.create(
        issue=issue, status=Send.Status.FINISHED, started_at=now, finished_at=now
    )


def test_archive_lists_only_sent_issues(client, index):
    sent = NewsletterIssuePageFactory(parent=index, title="Lähetetty numero")
    NewsletterIssuePageFactory(parent=index, title="Keskeneräinen numero")
    mark_sent(sent)

    response = client.get(index.url)

    content = response.content.decode()
    assert "Lähetetty numero" in content
    assert "Keskeneräinen numero" not in content
    assert "Tilaa uutiskirje" in content


def test_an_unsent_issue_is_not_public(client, issue):
    assert client.get(issue.url).status_code == 404


def test_the_sitemap_lists_an_issue_only_once_it_is_sent(client, issue):
    assert issue.url not in client.get("/sitemap.xml").content.decode()

    mark_sent(issue)

    assert f"<loc>http://testserver{issue.url}</loc>" in client.get("/sitemap.xml").content.decode()


def test_a_sent_issue_can_be_read_in_the_browser(client, issue):
    mark_sent(issue)

    response = client.get(issue.url)

    assert response.status_code == 200
    assert issue.title in response.content.decode()


# Wagtail leaves a temporary file open when it makes a rendition in memory storage.
@pytest.mark.filterwarnings("ignore::ResourceWarning")
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_issue_email_is_accessible_html_with_inlined_css_and_a_text_part(issue, home):
    image = ImageFactory()
    news = StandardPageFactory(parent=home, title="Uutinen osallisuudesta", lead="Lyhyesti.")
    issue.body = [
        ("heading", {"text": "Ajankohtaista", "level": "h2"}),
        ("image", {"image": image, "alt_text": image.description, "decorative": False}),
        ("featured_page", {"page": news, "title": "", "lead": ""}),
        (
            "research_items",
            {
                "heading": "Uutta tutkimusta",
                "items": [
                    {"citation": "Tutkija, T. (2025).", "summary": "Tiivis.", "link": ""},
                ],
            },
        ),
        ("call_to_action", {"text": "Lue lisää", "page": news, "external_url": ""}),
    ]
    issue.save_revision().publish()

    rendered = render_issue(issue)

    html = rendered.html
    assert '<html lang="fi">' in html
    assert 'style="' in html  # CSS inlined
    assert "@media" in html  # responsive rules kept for clients that read them
    assert 'alt="Ihmisiä etäkahvilassa"' in html
    assert "Uutinen osallisuudesta" in html and "Lyhyesti." in html
    assert "http://testserver/" in html
    assert "Avaa selaimessa" in html
    assert "{{unsubscribe_url}}" in html
    assert "Ajankohtaista" in rendered.text
    assert "Tutkija, T. (2025)." in rendered.text
    assert not re.search(r"<(?!https?://|\{\{)", rendered.text)  # no HTML tags
    gc.collect()


def test_admin_preview_shows_the_email_as_sent(issue):
    response = issue.make_preview_request(preview_mode="email")

    assert response.status_code == 200
    content = response.content.decode()
    assert 'style="' in content
    assert "/uutiskirjeet/asetukset/" in content


def test_subscribe_block_renders_the_form():
    from newsletters.blocks import SubscribeBlock

    html = SubscribeBlock().render({"heading": "Tilaa uutiskirje", "text": ""})

    assert 'action="/uutiskirjeet/tilaa/"' in html
    assert 'autocomplete="email"' in html


def test_email_lines_stay_short_so_the_parts_need_no_quoted_printable(issue):
    issue.body = [("paragraph", "<p>" + "Osallisuus on kokemus kuulumisesta. " * 100 + "</p>")]
    issue.save_revision().publish()

    rendered = render_issue(issue)

    assert max(len(line.encode()) for line in rendered.html.splitlines()) < 998
    assert max(len(line) for line in rendered.text.splitlines()) <= 76
