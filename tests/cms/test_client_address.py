from django.test import RequestFactory

import pytest

from cms.client_address import client_address


def request_from(remote, forwarded=None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_trusted_proxies_a_forged_forwarded_header_is_ignored(settings):
    settings.TRUSTED_PROXY_COUNT = 0

    assert client_address(request_from("198.51.100.7", "203.0.113.1")) == "198.51.100.7"


def test_behind_one_proxy_the_entry_it_appended_is_the_client(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    # The visitor forged the first entry; nginx appended the real address last.
    request = request_from("10.0.0.2", "203.0.113.66, 198.51.100.7")

    assert client_address(request) == "198.51.100.7"


def test_behind_a_load_balancer_and_nginx_the_second_last_entry_is_the_client(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    request = request_from("10.0.0.2", "203.0.113.66, 198.51.100.7, 10.0.0.1")

    assert client_address(request) == "198.51.100.7"


@pytest.mark.parametrize("forwarded", ["", "not-an-address", " , "])
def test_a_missing_or_malformed_header_falls_back_to_the_connection(settings, forwarded):
    settings.TRUSTED_PROXY_COUNT = 1

    assert client_address(request_from("10.0.0.2", forwarded)) == "10.0.0.2"


def test_fewer_hops_than_proxies_falls_back_to_the_connection(settings):
    settings.TRUSTED_PROXY_COUNT = 2

    assert client_address(request_from("10.0.0.2", "198.51.100.7")) == "10.0.0.2"


def test_ipv6_clients_are_recognised(settings):
    settings.TRUSTED_PROXY_COUNT = 1

    assert client_address(request_from("10.0.0.2", "2001:db8::7")) == "2001:db8::7"
