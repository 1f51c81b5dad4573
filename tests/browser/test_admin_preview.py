"""The editor's preview panel shows the page being edited (issue 13, item 1)."""

from django.urls import reverse

import pytest
from playwright.sync_api import expect

from tests.cms.factories import NewsIndexPageFactory, NewsPageFactory
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.newsletters.factories import NewsletterIndexPageFactory, NewsletterIssuePageFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, username, password):
    page.goto(reverse("wagtailadmin_login"))
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.locator("form button[type=submit]").click()
    page.wait_for_url("**/admin/")


def preview_frame(page, edited):
    """Open the edit view's preview side panel; its iframe shows the rendered page."""
    # Wagtail reopens the panel last open; a click would then close it.
    page.add_init_script("localStorage.removeItem('wagtail:side-panel-open')")
    page.goto(reverse("wagtailadmin_pages:edit", args=[edited.pk]))
    page.locator("[data-side-panel-toggle=preview]").click()
    return page.frame_locator("#w-preview-iframe")


def test_preview_panel_shows_event_news_and_issue(page, home, django_user_model):
    django_user_model.objects.create_superuser("toimittaja", "t@example.org", "salasana-123")
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home), title="Etäkahvila Kuopio")
    news = NewsPageFactory(parent=NewsIndexPageFactory(parent=home), title="Uutinen Joensuusta")
    issue = NewsletterIssuePageFactory(
        parent=NewsletterIndexPageFactory(parent=home), title="Uutiskirje 1/2027"
    )
    sign_in(page, "toimittaja", "salasana-123")

    for edited in (event, news, issue):
        frame = preview_frame(page, edited)
        expect(frame.get_by_role("heading", level=1)).to_have_text(edited.title, timeout=15000)

    page.get_by_label("Esikatselutila").select_option("email")
    frame = page.frame_locator("#w-preview-iframe")
    expect(frame.locator("body")).to_contain_text("Hyvä lukija", timeout=15000)
    # The mail's inline styles apply (style-src would otherwise drop them).
    expect(frame.locator(".header").first).to_have_css("background-color", "rgb(0, 84, 107)")
