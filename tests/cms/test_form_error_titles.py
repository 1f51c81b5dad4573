"""A form that comes back with errors says so first in the page title, in the reader's
language ("Virhe: …"), as GOV.UK and suomi.fi do: the title is what a screen reader
reads first after the page loads. base.html asks once for every public form."""

import re

from django.urls import reverse

import pytest

pytestmark = pytest.mark.django_db

# Each public form with answers it refuses: (method, URL name, data).
REFUSED = {
    "sign-in": ("post", "network:sign_in_request", {"email": "ei-osoite"}),
    "helper questions": ("post", "network:reflection_sheet", {}),
    "subscribe": ("post", "newsletters:subscribe", {"subscribe-email": "ei-osoite"}),
    "feed builder": ("get", "events:feed_builder", {"type": "ei-tyyppia"}),
}


def title(response):
    return re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1)


@pytest.mark.parametrize("form", REFUSED)
def test_a_refused_form_says_error_first_in_the_title(client, home, form):
    method, name, data = REFUSED[form]
    url = reverse(name)

    assert not title(client.get(url)).startswith("Virhe")
    assert title(getattr(client, method)(url, data)).startswith("Virhe: ")


@pytest.mark.parametrize(("prefix", "word"), [("/sv", "Fel: "), ("/en", "Error: ")])
def test_the_error_title_is_in_the_readers_language(client, home, prefix, word):
    response = client.post(prefix + reverse("network:sign_in_request"), {"email": "x"})

    assert title(response).startswith(word)
