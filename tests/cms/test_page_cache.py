"""The anonymous page cache (cms/page_cache): hits, invalidation, and that nothing personal
is ever kept or served to another visitor."""

import datetime
import io
import re

from django.core.cache import cache
from django.core.management import call_command
from django.test import Client
from django.utils import translation

from wagtail import hooks
from wagtail.contrib.frontend_cache.backends.base import BaseBackend

import pytest
from csp.constants import NONCE, SELF

from cms import page_cache
from cms.models import SiteSettings
from events.models.seats import seats_of
from tests.cms.factories import NewsPageFactory, publish
from tests.events.factories import EventIndexPageFactory, EventPageFactory, RegistrationFactory
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def page_cache_on(settings, home):
    """On, as in production; the cache outlives each test's database, so start empty.
    The site's settings row is made first, as the first request of a new site would."""
    settings.PAGE_CACHE = True
    SiteSettings.for_site(home.get_site())
    cache.clear()
    yield
    cache.clear()


def get_twice(client, url):
    """Request `url` twice; the second answer should come from the cache."""
    client.get(url)
    return client.get(url)


def test_second_anonymous_request_is_served_from_the_cache_without_queries(
    client, home, news_index, django_assert_num_queries
):
    NewsPageFactory(parent=news_index, title="Uutinen yksi")
    first = client.get("/")

    with django_assert_num_queries(0):
        second = client.get("/")

    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "public" in second["Cache-Control"]
    assert "s-maxage=300" in second["Cache-Control"]


def test_cache_can_be_turned_off(client, home, settings, django_assert_max_num_queries):
    settings.PAGE_CACHE = False
    client.get("/")

    response = client.get("/")

    assert "X-Page-Cache" not in response
    assert len(response.content) > 0


def test_cached_page_carries_a_csp_header_without_a_nonce(client, home):
    response = get_twice(client, "/")

    assert response["X-Page-Cache"] == "hit"
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "nonce" not in policy
    assert "<script>" not in response.content.decode()


def test_page_that_used_a_csp_nonce_is_not_kept(client, home, settings):
    policy = settings.CONTENT_SECURITY_POLICY
    directives = {**policy["DIRECTIVES"], "script-src": [SELF, NONCE]}
    settings.CONTENT_SECURITY_POLICY = {**policy, "DIRECTIVES": directives}

    def use_nonce(page, request, serve_args, serve_kwargs):
        str(request.csp_nonce)

    with hooks.register_temporarily("before_serve_page", use_nonce):
        first = client.get("/")
        second = client.get("/")

    assert "nonce-" in first["Content-Security-Policy"]
    assert "X-Page-Cache" not in second
    assert first["Content-Security-Policy"] != second["Content-Security-Policy"]


def test_publishing_a_page_refreshes_it(client, home):
    page = StandardPageFactory(parent=home, title="Vanha otsikko", slug="sivu")
    get_twice(client, page.url)

    page.title = "Uusi otsikko"
    publish(page)

    assert "Uusi otsikko" in client.get(page.url).content.decode()


def test_unpublishing_a_page_removes_it(client, home):
    page = StandardPageFactory(parent=home, title="Poistuva", slug="poistuva")
    assert get_twice(client, page.url).status_code == 200

    page.unpublish()

    assert client.get("/poistuva/").status_code == 404


def test_moving_a_page_refreshes_its_old_and_new_address_and_the_menu(client, home):
    section = StandardPageFactory(parent=home, title="Osio", slug="osio", show_in_menus=True)
    page = StandardPageFactory(
        parent=home, title="Siirrettävä", slug="siirrettava", show_in_menus=True
    )
    get_twice(client, "/siirrettava/")
    get_twice(client, "/")

    page.move(section, pos="last-child")

    assert client.get("/siirrettava/").status_code == 404
    assert client.get("/osio/siirrettava/").status_code == 200
    assert 'href="/siirrettava/"' not in client.get("/").content.decode()


def test_publishing_a_news_item_refreshes_the_news_index_and_the_home_page(
    client, home, news_index
):
    NewsPageFactory(parent=news_index, title="Vanha uutinen", date=datetime.date(2024, 1, 1))
    get_twice(client, "/")
    get_twice(client, news_index.url)

    fresh = NewsPageFactory.build(title="Tuore uutinen", date=datetime.date(2024, 2, 1))
    news_index.add_child(instance=fresh)
    fresh.unpublish()
    get_twice(client, news_index.url)  # cached while the item is a draft
    publish(fresh)

    assert ">Tuore uutinen<" in client.get("/").content.decode()
    assert ">Tuore uutinen<" in client.get(news_index.url).content.decode()


@pytest.fixture
def full_event(home):
    """An event with one seat, taken, and no waiting list: its page shows no form."""
    index = EventIndexPageFactory(parent=home)
    event = EventPageFactory(
        parent=index, registration_enabled=True, capacity=1, waiting_list_enabled=False
    )
    publish(event)
    return event


def test_a_freed_seat_refreshes_the_event_page_and_the_event_index(client, full_event):
    registration = RegistrationFactory(event=full_event)
    with translation.override("fi"):
        full_label = seats_of(full_event).label()
    page = get_twice(client, full_event.url)
    assert page["X-Page-Cache"] == "hit"
    assert full_label in page.content.decode()
    assert "registration-form" not in page.content.decode()
    get_twice(client, full_event.get_parent().url)

    registration.status = registration.Status.CANCELLED
    registration.save()

    assert "registration-form" in client.get(full_event.url).content.decode()
    assert full_label not in client.get(full_event.get_parent().url).content.decode()


def test_a_changed_snippet_refreshes_the_pages_that_show_it(client, full_event):
    get_twice(client, full_event.get_parent().url)

    full_event.event_type.name_fi = "Työpaja"
    full_event.event_type.save()

    assert "Työpaja" in client.get(full_event.get_parent().url).content.decode()


def test_invalidation_is_repeated_after_commit_and_purges_the_cache_in_front(
    client, full_event, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAILFRONTENDCACHE = {
        "varnish": {"BACKEND": "tests.cms.test_page_cache.RecordingBackend"}
    }
    RecordingBackend.purged.clear()

    with django_capture_on_commit_callbacks(execute=True):
        RegistrationFactory(event=full_event)

    assert RecordingBackend.purged == ["http://testserver/"]


def test_page_with_a_form_is_not_kept_and_each_visitor_gets_their_own_token(client, home):
    index = EventIndexPageFactory(parent=home)
    event = EventPageFactory(parent=index, registration_enabled=True, capacity=10)
    publish(event)
    first = client.get(event.url)
    second_visitor = Client()
    second = second_visitor.get(event.url)
    with_cookie = Client()
    with_cookie.cookies["csrftoken"] = "x" * 32
    third = with_cookie.get(event.url)

    for response in (first, second, third):
        assert "X-Page-Cache" not in response
        assert "private" in response["Cache-Control"]
        assert "csrftoken" in response.cookies
    tokens = {TOKEN.search(r.content.decode()).group(1) for r in (first, second, third)}
    assert len(tokens) == 3
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value


def test_signed_in_editor_is_never_served_from_or_stored_in_the_cache(client, home, admin_user):
    anonymous = get_twice(Client(), "/")
    assert anonymous["X-Page-Cache"] == "hit"

    client.force_login(admin_user)
    editor = client.get("/")
    editor_again = client.get("/")
    later_anonymous = Client().get("/")

    assert "X-Page-Cache" not in editor and "X-Page-Cache" not in editor_again
    assert "private" in editor["Cache-Control"]
    assert "userbar" in editor.content.decode()
    assert later_anonymous["X-Page-Cache"] == "hit"
    assert "userbar" not in later_anonymous.content.decode()


def test_editor_visit_first_leaves_nothing_for_the_next_anonymous_visitor(client, home, admin_user):
    client.force_login(admin_user)
    client.get("/")

    anonymous = Client().get("/")

    assert anonymous["X-Page-Cache"] == "miss"
    assert "userbar" not in anonymous.content.decode()


def test_request_with_a_session_cookie_bypasses_the_cache(home):
    get_twice(Client(), "/")
    member = Client()
    member.cookies["sessionid"] = "abc"

    assert "X-Page-Cache" not in member.get("/")


def test_views_outside_wagtail_pages_are_never_kept(client, home):
    response = get_twice(client, "/haku/?q=osallisuus")

    assert "X-Page-Cache" not in response
    assert "s-maxage" not in response.get("Cache-Control", "")


def test_lost_generation_starts_a_new_one(client, home):
    get_twice(client, "/")
    before = page_cache.generation()

    cache.delete(page_cache.GENERATION_KEY)

    assert page_cache.generation() != before
    assert client.get("/")["X-Page-Cache"] == "miss"


class RecordingBackend(BaseBackend):
    """A frontend cache backend that writes down what it was asked to purge."""

    purged = []

    def purge(self, url):
        self.purged.append(url)


def test_purge_command_empties_the_cache(client, home):
    get_twice(client, "/")

    call_command("purge_page_cache", stdout=io.StringIO())

    assert client.get("/")["X-Page-Cache"] == "miss"
