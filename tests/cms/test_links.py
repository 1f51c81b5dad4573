import re
from pathlib import Path

from django.core.management import call_command

from wagtail.models import Site

import pytest

from cms.links import absolute_url, page_url
from tests.cms.test_security import PRODUCTION_ENV, run_manage

BASE = "https://osallisuus.example.org"


@pytest.fixture
def public_base(settings):
    settings.BASE_URL = BASE


def test_paths_are_made_absolute_from_base_url(public_base):
    assert absolute_url("/uutiset/") == BASE + "/uutiset/"
    assert absolute_url("uutiset/") == BASE + "/uutiset/"
    assert absolute_url("https://example.org/x") == "https://example.org/x"


@pytest.mark.django_db
def test_page_urls_come_from_base_url_whatever_the_site_record_says(public_base, home):
    Site.objects.update(hostname="localhost", port=80)

    assert page_url(home) == BASE + "/"
    assert home.full_url == BASE + "/"
    assert home.get_full_url() == BASE + "/"


@pytest.mark.django_db
def test_sitemap_canonical_and_share_links_use_base_url(public_base, client, home):
    Site.objects.update(hostname="localhost", port=80)

    sitemap = client.get("/sitemap.xml").content.decode()
    page = client.get("/").content.decode()
    robots = client.get("/robots.txt").content.decode()

    assert f"<loc>{BASE}/</loc>" in sitemap
    assert f'<link rel="canonical" href="{BASE}/">' in page
    assert f'content="{BASE}/"' in page  # og:url
    assert f"Sitemap: {BASE}/sitemap.xml" in robots
    assert "localhost" not in sitemap + page + robots


@pytest.mark.django_db
def test_sync_site_points_the_default_site_at_base_url(settings, home):
    settings.BASE_URL = "http://127.0.0.1:8000"
    call_command("sync_site", verbosity=0)

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8000)
    settings.BASE_URL = BASE
    call_command("sync_site", verbosity=0)
    site.refresh_from_db()
    assert (site.hostname, site.port, site.root_url) == ("osallisuus.example.org", 443, BASE)


@pytest.mark.parametrize(
    "base_url", ["http://osallisuus.example.org", "https://localhost", "not a url"]
)
def test_deploy_check_refuses_a_base_url_that_is_not_public_https(base_url):
    result = run_manage(
        "check", "--deploy", "--fail-level", "ERROR", env={**PRODUCTION_ENV, "BASE_URL": base_url}
    )

    assert result.returncode != 0
    assert "cms.E00" in result.stderr + result.stdout


def test_production_refuses_to_start_without_base_url():
    env = {key: value for key, value in PRODUCTION_ENV.items() if key != "BASE_URL"}

    result = run_manage("check", env={**env, "BASE_URL": ""})

    assert result.returncode != 0
    assert "BASE_URL" in result.stderr


def test_only_cms_links_takes_base_url_apart():
    """The host, scheme and port of BASE_URL are read in cms/links.py (and checked in
    cms/checks.py); an app that parses BASE_URL itself re-derives what links owns."""
    root = Path(__file__).resolve().parents[2]
    allowed = {root / "cms" / "links.py", root / "cms" / "checks.py"}
    parsing = re.compile(r"url(?:split|parse)\(\s*settings\.BASE_URL")

    offenders = [
        str(path.relative_to(root))
        for app in ("cms", "events", "network", "newsletters")
        for path in (root / app).rglob("*.py")
        if path not in allowed and parsing.search(path.read_text())
    ]

    assert not offenders, f"Ask cms.links (base_host, site_address) instead: {offenders}"
