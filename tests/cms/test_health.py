import pytest

from cms import health

pytestmark = pytest.mark.django_db


def test_healthz_answers_ok_when_database_and_cache_answer(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


def test_healthz_answers_503_naming_a_failing_cache(client, monkeypatch):
    def broken_cache_set(*args, **kwargs):
        raise ConnectionError("cache is down")

    monkeypatch.setattr(health.cache, "set", broken_cache_set)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json() == {"status": "failing", "database": "ok", "cache": "failing"}


def test_healthz_answers_503_when_the_database_does_not(client, monkeypatch):
    def broken_database():
        raise OSError("database is down")

    monkeypatch.setitem(health.CHECKS, "database", broken_database)

    response = client.get("/healthz")

    assert response.status_code == 503
    assert response.json()["database"] == "failing"


def test_healthz_is_never_cached(client):
    response = client.get("/healthz")

    assert "no-cache" in response["Cache-Control"]
