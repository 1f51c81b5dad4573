"""The site's one e-mail address check: what SMTP and the ESPs can send to."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models

import pytest

from cms.validators import validate_email_address
from network.models import Member
from newsletters.models import Subscriber


@pytest.mark.parametrize(
    "email",
    [
        "maija@exa\ufffdmple.org",  # a form post decoded with replacement characters
        "maija@exa\u200bmple.org",  # zero-width space
        '"ma\x01ija"@example.org',  # a control character, quoted
        "maija@example.org\n",
        "maija@xn--.org",
        "maija@💌.example",  # IDNA 2003 takes it, IDNA 2008 does not
    ],
)
def test_undeliverable_addresses_are_refused(email):
    with pytest.raises(ValidationError) as refused:
        validate_email_address(email)
    assert refused.value.code == "invalid"


@pytest.mark.parametrize("email", ["maija@example.org", "maija@bücher.example", "x@[192.0.2.1]"])
def test_deliverable_addresses_pass(email):
    validate_email_address(email)


def test_every_email_field_of_the_site_uses_it():
    """Installed before any form class exists: the public forms, the admin's model
    forms and the models' own full_clean all refuse the same addresses."""
    assert validate_email_address in forms.EmailField().validators
    assert validate_email_address in models.EmailField().validators
    for model in (Member, Subscriber):
        assert validate_email_address in model._meta.get_field("email").validators
