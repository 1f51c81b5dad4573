"""Fixtures for browser tests: Debian's Chromium driven by Playwright against Django's live server.

The tests are skipped, with the reason shown, where /usr/bin/chromium is missing;
CI installs it, so they always run there. Mark such tests with
`pytest.mark.browser` and use the `page` fixture.

A module whose tests only read a site (or write only what the others do not look at)
builds it once with `tests.browser.public_site.shared_site` in a module-scoped `site`
fixture, marks its tests plain `django_db` and overrides `page` with `new_page` on that
server (tests/browser/test_page_frame.py is a short example): one build and one flush for
the module instead of one per test.
"""

import contextlib
import os
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
NO_CHROMIUM = pytest.mark.skip(reason="Chromium is not installed at /usr/bin/chromium")


def pytest_collection_modifyitems(config, items):
    """The live server's request threads may still close their database connections
    after a browser test ends; that warning says nothing about the site, so it does not
    fail the next test."""
    for item in items:
        if "browser" not in item.keywords:
            continue
        item.add_marker(
            pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
        )
        item.add_marker(
            pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")
        )
        if not CHROMIUM.exists():
            item.add_marker(NO_CHROMIUM)


@pytest.fixture(scope="session")
def browser():
    # Playwright's sync API runs an event loop in this thread; Django's ORM
    # refuses to run beside one unless told that the test thread is safe.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@contextlib.contextmanager
def new_page(browser, base_url, **options):
    """A tab in a fresh browser context (no cookies) on the server at `base_url`."""
    context = browser.new_context(base_url=base_url, locale="fi-FI", **options)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def page(browser, live_server):
    with new_page(browser, live_server.url) as page:
        yield page
