"""Every public feature can be found by clicking, in every language, and by search
engines: a crawl from each language's home page reaches every public URL name within two
clicks, and the sitemap lists the tools and directory views and answers 200 for each.

Run on the demo content, loaded once for the module, as a visitor would meet the site."""

import io
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management import call_command
from django.db import transaction
from django.test import Client
from django.urls import Resolver404, URLPattern, URLResolver, get_resolver, resolve
from django.utils import translation

import pytest

from cms.models import Region

HOMES = {"fi": "/", "sv": "/sv/", "en": "/en/"}

# The URL names a visitor must reach by clicking from the home page, in every language.
PUBLIC = {
    "search",
    "tools",
    "api:api-root",
    "api:schema",
    "events:feed_builder",
    "events:feed",
    "events:survey_results",
    "network:my_page",  # the header's "Sign in"; a visitor not signed in is sent on to…
    "network:sign_in_request",
    "network:reflection_sheet",
    "newsletters:subscribe",
}

# Every other URL name of our own URL configurations, and why no link needs to reach it
# from the home page. (The Wagtail admin, documents and pages are left out: pages are
# reached through the menus, and the admin is not public.)
NOT_LINKED = {
    "healthz": "for the load balancer",
    "sitemap": "for search engines (named in robots.txt)",
    "robots_txt": "for search engines",
    "events:event_type_feed": "per event type: linked from the feed builder",
    "events:region_feed": "per region: linked from the feed builder",
    "events:theme_feed": "per theme: linked from the feed builder",
    "events:series_feed": "per series: linked from the series page",
    "events:participation_week_feed": "per week: linked from the week's page",
    "events:event_ics": "per event: linked from the event page",
    "events:register": "per event, POST from the event page's form",
    "events:registered": "a token in the registration's own link",
    "events:manage": "a token in the registration's own link",
    "events:week_submit": "per week: linked from the week's page",
    "events:week_submitted": "after a submission is sent",
    "events:week_submission": "a token in the submitter's own link",
    "events:survey_thanks": "after a survey is answered",
    "events:survey": "a token in the survey invitation",
    "events:my_registration_cancel": "POST from My page",
    "network:sign_in_sent": "after the sign-in form is sent",
    "network:sign_in": "a token in the sign-in e-mail",
    "network:sign_out": "POST from My page",
    "network:download": "a signed-in member's own data, from My page",
    "network:delete": "a signed-in member's own account, from My page",
    "network:assessment_edit": "per project, for a signed-in member, from My page",
    "network:assessment_result": "per project, for a signed-in member, from My page",
    "network:assessment_share": "per project, for a signed-in member, from My page",
    "newsletters:subscribe_thanks": "after the subscribe form is sent",
    "newsletters:confirm": "a token in the confirmation e-mail",
    "newsletters:preferences": "a token in every newsletter",
    "newsletters:unsubscribe": "a token in every newsletter",
}
# Name prefixes left out as a whole: the API's endpoints are listed on its front page and
# in its schema; the e-mail service's tracking webhooks are for the service.
NOT_LINKED_PREFIXES = ("api:", "newsletters:anymail:")


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo content, loaded once for this module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_content", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


class Links(HTMLParser):
    """Where a page's links lead, and its forms (the header's search, a subscribe form)."""

    TARGETS = {"a": "href", "form": "action"}

    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get(self.TARGETS.get(tag, ""))
        if href:
            self.hrefs.append(href)


def local_paths(html):
    """The site's own addresses the page links to (calendar links as webcal://), without
    query or fragment."""
    parser = Links()
    parser.feed(html)
    hosts = ("", urlsplit(settings.BASE_URL).netloc)
    schemes = ("", "http", "https", "webcal")
    found = [urlsplit(href) for href in parser.hrefs]
    return [
        parts.path
        for parts in found
        if parts.scheme in schemes and parts.netloc in hosts and parts.path.startswith("/")
    ]


def url_name(path, language):
    with translation.override(language):
        try:
            match = resolve(path)
        except Resolver404:
            return None
    return match.view_name


def reached_within_two_clicks(client, language):
    """The URL names the links on the home page and on the pages they lead to point at
    (redirects followed, so "Sign in" reaches the sign-in form)."""
    home = client.get(HOMES[language])
    first_click = dict.fromkeys(local_paths(home.content.decode()))
    names = set()
    for path in first_click:
        names.add(url_name(path, language))
        response = client.get(path, follow=True)
        for redirect, _status in response.redirect_chain:
            names.add(url_name(urlsplit(redirect).path, language))
        if "text/html" in response.get("Content-Type", ""):
            names.update(url_name(p, language) for p in local_paths(response.content.decode()))
    return names


def own_url_names(patterns=None, namespace=""):
    """The names in our URL configurations, without the admin, documents and pages."""
    skipped = (settings.WAGTAIL_ADMIN_PATH, "documents/")
    names = set()
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            module = getattr(entry.urlconf_module, "__name__", "")
            if str(entry.pattern).startswith(skipped) or module == "wagtail.urls":
                continue
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            names |= own_url_names(entry.url_patterns, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            names.add(namespace + entry.name)
    return names


def test_every_url_name_is_either_public_or_has_a_reason_not_to_be_linked():
    """A new view must be put in one of the lists, so the crawl below checks it."""
    unexplained = {
        name
        for name in own_url_names()
        if name not in PUBLIC | NOT_LINKED.keys() and not name.startswith(NOT_LINKED_PREFIXES)
    }
    assert not unexplained
    assert PUBLIC | NOT_LINKED.keys() <= own_url_names()


@pytest.mark.django_db
@pytest.mark.parametrize("language", HOMES)
def test_every_public_view_is_two_clicks_from_the_home_page(demo, language):
    reached = reached_within_two_clicks(Client(), language)

    assert PUBLIC - reached == set()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "label"), [("fi", "Kirjaudu"), ("sv", "Logga in"), ("en", "Sign in")]
)
def test_header_sign_in_leads_to_the_sign_in_form(demo, language, label):
    client = Client()
    home = client.get(HOMES[language]).content.decode()

    assert f'<a class="site-header__sign-in" href="{HOMES[language]}oma-sivu/">{label}</a>' in (
        home
    )
    response = client.get(f"{HOMES[language]}oma-sivu/", follow=True)
    assert url_name(response.redirect_chain[-1][0], language) == "network:sign_in_request"


def sitemap_paths(client):
    xml = client.get("/sitemap.xml").content.decode()
    return [urlsplit(loc.split("</loc>")[0]).path for loc in xml.split("<loc>")[1:]]


@pytest.mark.django_db
def test_sitemap_lists_the_tools_map_regions_feed_builder_and_subscribe(demo):
    paths = set(sitemap_paths(Client()))

    assert {"/tyokalut/", "/sv/verktyg/", "/en/tools/"} <= paths
    for home in HOMES.values():
        assert {
            f"{home}apukysymykset/",
            f"{home}kysely/tulokset/",
            f"{home}kalenteri/",
            f"{home}uutiskirjeet/tilaa/",
        } <= paths, home
    region = Region.objects.order_by("slug").first().slug
    region_pages = [path for path in paths if path.endswith(f"/alue/{region}/")]
    assert len(region_pages) == len(HOMES)
    assert {path.removesuffix(f"alue/{region}/") + "kartta/" for path in region_pages} <= paths


@pytest.mark.django_db
def test_every_sitemap_address_answers_200(demo):
    """A search engine following the sitemap meets no 404 (an unsent newsletter issue
    was listed in three languages) and no redirect, in any language."""
    client = Client()
    paths = sitemap_paths(client)

    answers = {path: client.get(path).status_code for path in paths}

    assert len(paths) > 100
    assert {path: code for path, code in answers.items() if code != 200} == {}
