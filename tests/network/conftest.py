"""Fixtures shared by the network tests."""

from django.core.cache import cache
from django.test import Client

import pytest

from cms.models import Region
from tests.network.factories import (
    PracticeModelIndexPageFactory,
    ProjectDirectoryPageFactory,
    region,
)


@pytest.fixture
def directory(home):
    return ProjectDirectoryPageFactory(parent=home)


@pytest.fixture
def library(home):
    return PracticeModelIndexPageFactory(parent=home)


@pytest.fixture
def savo(db):
    """Pohjois-Savo, within the regional whole of Itä- ja Pohjois-Suomi."""
    east = region("ita-ja-pohjois-suomi", "Itä- ja Pohjois-Suomi", Region.Kind.REGIONAL_WHOLE)
    return region("pohjois-savo", "Pohjois-Savo", parent=east)


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """Rate limits count in the cache; each test starts from zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def committed(django_capture_on_commit_callbacks, monkeypatch):
    """Runs on-commit work (the outbox's send task) when a request ends, as it would
    after the real transaction commits."""
    post = Client.post

    def post_and_commit(self, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return post(self, *args, **kwargs)

    monkeypatch.setattr(Client, "post", post_and_commit)
