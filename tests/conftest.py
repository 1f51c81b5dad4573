from django.core.cache import cache

import pytest

from tests.factories import make_site

pytest_plugins = ["tests.browser.fixtures"]


@pytest.fixture
def home(db):
    """A site with a published Finnish home page at its root."""
    return make_site()


@pytest.fixture(autouse=True)
def empty_shared_cache():
    """Each test starts with an empty cache: the sites, locales and restrictions the
    shared cache keeps (cms.request_memo) belong to the database the last test rolled back."""
    cache.clear()
