"""An editor publishes a new event while autosave is still saving it (issue 24): the
page ends up published, once, and no request answers 500. Wagtail's autosave POSTs to
the add URL and moves the form to the edit URL only when its answer arrives; the test
holds that answer (or the autosave itself) so that Publish is clicked in between."""

import contextlib
import datetime

from django.urls import reverse
from django.utils import timezone

import pytest
from playwright.sync_api import Error, expect

from events.models import EventPage
from tests.browser.test_admin_preview import sign_in
from tests.events.factories import EventIndexPageFactory, EventTypeFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def is_autosave(request):
    return request.method == "POST" and "application/json" in request.headers.get("accept", "")


def fill_new_event(page, index):
    page.goto(reverse("wagtailadmin_pages:add", args=["events", "eventpage", index.pk]))
    start = timezone.localtime() + datetime.timedelta(days=30)
    # Wagtail compares the form with what it held 2 s after loading; edits before that
    # count as the starting point and are never autosaved.
    page.wait_for_timeout(2500)
    page.fill("#id_title", "Etäkahvila: osallisuus arjessa")
    page.fill("#id_lead", "Jaetaan kokemuksia osallisuustyöstä.")
    page.select_option("#id_event_type", label="Webinaari")
    page.fill("#id_start", start.strftime("%Y-%m-%d 09:30"))
    page.fill("#id_end", start.strftime("%Y-%m-%d 11:00"))
    page.keyboard.press("Escape")  # closes the date picker over the footer
    page.locator("#id_title").click()


def wait_for(page, condition, seconds=15):
    """Let the browser run (and call route handlers) until `condition()` holds."""
    for _ in range(seconds * 10):
        if condition():
            return
        page.wait_for_timeout(100)
    raise AssertionError("the autosave was never sent")


def click_publish(page):
    page.locator("footer button.w-dropdown__toggle").click()
    page.get_by_role("button", name="Julkaise").click()


@pytest.mark.parametrize("first", ["autosave", "publish"])
def test_publishing_while_autosave_runs_publishes_the_event_once(
    page, home, django_user_model, settings, first
):
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 1500  # every field filled goes in one autosave
    django_user_model.objects.create_superuser("toimittaja", "t@example.org", "salasana-123")
    index = EventIndexPageFactory(parent=home)
    EventTypeFactory(name_fi="Webinaari")
    sign_in(page, "toimittaja", "salasana-123")
    failures, held = [], []
    page.on("response", lambda response: response.status >= 500 and failures.append(response))

    def hold(route):
        if not is_autosave(route.request):
            route.continue_()
        elif first == "autosave":  # the server saves; the browser hears later
            held.append((route, route.fetch()))
        else:  # the autosave reaches the server only after the publish
            held.append((route, None))

    page.route("**/admin/pages/add/**", hold)
    fill_new_event(page, index)
    wait_for(page, lambda: held)
    expect(page.locator("#w-autosave-indicator")).to_have_attribute(
        "data-w-autosave-state-value", "saving"
    )

    click_publish(page)
    page.wait_for_url(f"**{reverse('wagtailadmin_explore', args=[index.pk])}")
    route, answer = held[0]
    if answer is None:
        answer = route.fetch()
        # Older than what was published: refused as Wagtail refuses an outdated autosave.
        assert answer.json()["error_code"] == "invalid_revision"
    with contextlib.suppress(Error):  # the tab has moved on; it may no longer listen
        route.fulfill(response=answer)

    assert failures == []
    assert answer.status < 500
    expect(page.locator(".messages")).to_contain_text("julkaistu")
    pages = EventPage.objects.child_of(index)
    assert pages.count() == 1
    assert pages.get().live and not pages.get().has_unpublished_changes
