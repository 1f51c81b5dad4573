from django.core.cache import cache
from django.test import RequestFactory

import pytest

from cms.ratelimit import RateLimit, too_many_requests


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def test_the_attempt_past_the_limit_is_refused():
    limit = RateLimit("test.form", limit=3, window=60)

    assert [limit.hit("198.51.100.7") for _ in range(4)] == [False, False, False, True]


def test_each_key_has_its_own_count():
    limit = RateLimit("test.form", limit=1, window=60)
    limit.hit("198.51.100.7")

    assert limit.hit("198.51.100.7") is True
    assert limit.hit("198.51.100.8") is False


def test_scopes_do_not_share_counts():
    RateLimit("test.one", limit=1, window=60).hit("x")

    assert RateLimit("test.two", limit=1, window=60).hit("x") is False


def test_exceeded_peeks_without_counting():
    limit = RateLimit("test.form", limit=2, window=60)
    limit.hit("a")

    assert not limit.exceeded("a")
    assert not limit.exceeded("a")
    limit.hit("a")
    assert limit.exceeded("a")


def test_e_mail_keys_ignore_case_and_spaces():
    limit = RateLimit("test.form", limit=1, window=60)
    limit.hit("Maija@Example.org")

    assert limit.hit(" maija@example.org ") is True


def test_the_cache_holds_no_address():
    RateLimit("test.form", limit=5, window=60).hit("maija@example.org", "198.51.100.7")

    keys = list(cache._cache.keys())  # locmem's store
    assert keys
    assert not any("example.org" in key or "198.51" in key for key in keys)


@pytest.mark.django_db
def test_the_shared_answer_is_429_with_retry_after(home):
    response = too_many_requests(RequestFactory().get("/"), "Odota hetki.", retry_after=120)

    assert response.status_code == 429
    assert response["Retry-After"] == "120"
    assert "Odota hetki." in response.content.decode()
