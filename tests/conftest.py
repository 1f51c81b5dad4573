from django.core.cache import cache

import pytest

from tests.factories import make_site

pytest_plugins = ["tests.browser.fixtures"]


def _flushes_the_database(item):
    marker = item.get_closest_marker("django_db")
    return (
        "browser" in item.keywords
        or (marker is not None and marker.kwargs.get("transaction"))
        or {"transactional_db", "live_server"} & set(item.fixturenames)
    )


def pytest_collection_modifyitems(config, items):
    """Transactional tests (browser tests, races on PostgreSQL) run last, browser tests
    at the very end: the flush after each empties what data migrations wrote (question
    sets, survey statements, groups, the workflow's name), which other tests read."""
    flushing = [item for item in items if _flushes_the_database(item)]
    rest = [item for item in items if not _flushes_the_database(item)]
    flushing.sort(key=lambda item: "browser" in item.keywords)
    items[:] = rest + flushing


@pytest.fixture
def home(db):
    """A site with a published Finnish home page at its root."""
    return make_site()


@pytest.fixture(autouse=True)
def empty_shared_cache():
    """Each test starts with an empty cache: the sites, locales and restrictions the
    shared cache keeps (cms.request_memo) belong to the database the last test rolled back."""
    cache.clear()
