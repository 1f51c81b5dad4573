"""Failed admin sign-ins lock the account and the client address (django-axes)."""

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

import pytest
from axes.models import AccessAttempt, AccessFailureLog

PASSWORD = "the-right-password-9"
WRONG = "wrong-guess-Secret-123"


@pytest.fixture
def staff(db):
    return get_user_model().objects.create_user(
        "editor", "editor@example.org", PASSWORD, is_staff=True, is_superuser=True
    )


@pytest.fixture(autouse=True)
def limit(settings):
    settings.AXES_FAILURE_LIMIT = 3


def attempt(client, username, password, address="192.0.2.10", language="fi"):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        HTTP_ACCEPT_LANGUAGE=language,
    )


def test_a_wrong_password_shows_the_form_again(client, staff):
    response = attempt(client, "editor", WRONG)
    assert response.status_code == 200
    assert AccessFailureLog.objects.count() == 1


def test_too_many_failures_lock_the_account_even_from_new_addresses(client, staff):
    for n in range(3):
        attempt(client, "editor", WRONG, address=f"192.0.2.{n}")
    response = attempt(client, "editor", PASSWORD, address="198.51.100.7")
    assert response.status_code == 429
    assert "Retry-After" in response
    assert not client.session.get("_auth_user_id")


def test_too_many_failures_lock_the_address_for_every_account(client, staff):
    for n in range(3):
        attempt(client, f"guess{n}", WRONG)
    assert attempt(client, "editor", PASSWORD).status_code == 429
    # Another address is not locked out.
    assert attempt(client, "editor", PASSWORD, address="198.51.100.7").status_code == 302


def test_the_address_comes_from_the_trusted_proxy_header(client, staff, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for n in range(3):
        client.post(
            reverse("wagtailadmin_login"),
            {"username": f"guess{n}", "password": WRONG},
            REMOTE_ADDR="10.0.0.1",
            HTTP_X_FORWARDED_FOR="203.0.113.5",
        )
    assert AccessAttempt.objects.filter(ip_address="203.0.113.5").exists()
    # The proxy's own address is not what gets locked.
    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": "editor", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="198.51.100.8",
    )
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fi", "Liian monta epäonnistunutta kirjautumisyritystä"),
        ("sv", "För många misslyckade inloggningsförsök"),
        ("en", "Too many failed sign-in attempts"),
    ],
)
def test_the_lockout_message_is_in_the_visitors_language(client, staff, language, text):
    for _ in range(3):
        attempt(client, "editor", WRONG, language=language)
    response = attempt(client, "editor", WRONG, language=language)
    assert response.status_code == 429
    assert text in response.content.decode()
    translation.activate("fi")


def test_failures_are_kept_for_audit_without_the_password(client, staff):
    for _ in range(2):
        attempt(client, "editor", WRONG)
    attempt_row = AccessAttempt.objects.get()
    assert attempt_row.username == "editor"
    assert attempt_row.failures_since_start == 2
    stored = " ".join(
        str(value)
        for row in [attempt_row, *AccessFailureLog.objects.all()]
        for value in vars(row).values()
    )
    assert WRONG not in stored


def test_a_successful_sign_in_clears_the_count(client, staff):
    attempt(client, "editor", WRONG)
    attempt(client, "editor", WRONG)
    assert attempt(client, "editor", PASSWORD).status_code == 302
    client.logout()
    attempt(client, "editor", WRONG)
    attempt(client, "editor", WRONG)
    assert attempt(client, "editor", PASSWORD).status_code == 302


def test_staff_see_failed_sign_ins_in_the_admin_and_cannot_edit_them(client, staff):
    attempt(client, "editor", WRONG)
    client.force_login(staff)
    listing = client.get(reverse("sign_in_failures:index"))
    assert listing.status_code == 200
    assert "192.0.2.10" in listing.content.decode()
    assert WRONG not in listing.content.decode()
    assert client.get(reverse("sign_in_failures:add")).status_code in (302, 403)


def test_users_without_the_permission_do_not_see_failed_sign_ins(client, db):
    user = get_user_model().objects.create_user("plain", "plain@example.org", "x", is_staff=True)
    client.force_login(user)
    assert client.get(reverse("sign_in_failures:index")).status_code in (302, 403)
