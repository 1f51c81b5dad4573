import pytest

from tests.factories import make_site

pytest_plugins = ["tests.browser.fixtures"]


@pytest.fixture
def home(db):
    """A site with a published Finnish home page at its root."""
    return make_site()
