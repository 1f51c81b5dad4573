"""The one e-mail address check of the site: an address is taken only if mail can be
sent to it, by SMTP and by every ESP.

Django's EmailValidator accepts what no mail server takes: any character from U+00A1 on
in the domain (so `maija@exa\ufffdmple.org`, a mis-decoded form post, whose outbox
message then failed forever with an IDNA error) and control characters in a quoted
local part. This check adds: no control, format, private-use, unassigned or
replacement (U+FFFD) character anywhere; a domain that both IDNA encodings take
(Python's `idna` codec, which Django's sanitize_address and smtplib use, and IDNA 2008
with UTS 46, which the ESPs' HTTP clients use).

`install()` (called when the cms app is loaded, before any form or model class is
defined) makes it the default validator of every forms.EmailField and
models.EmailField, so the public forms, the admin and the API all use it; code that
checks a bare string (the CSV import) calls `validate_email_address`.
"""

import unicodedata

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator
from django.utils.translation import gettext_lazy as _

import idna

REFUSED_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn"}


def undeliverable_character(value):
    return any(
        char == "\ufffd" or unicodedata.category(char) in REFUSED_CATEGORIES for char in value
    )


def encodable_domain(domain):
    if domain.startswith("[") and domain.endswith("]"):  # an address literal
        return True
    try:
        domain.encode("idna")
        idna.encode(domain, uts46=True)
    except (UnicodeError, idna.IDNAError, ValueError):
        return False
    return True


class EmailAddressValidator(EmailValidator):
    """Django's syntax check, then deliverability. Same code ("invalid") as Django's,
    so a form's own "invalid" message is shown."""

    message = _("Enter an e-mail address mail can be sent to, such as name@example.org.")

    def __call__(self, value):
        super().__call__(value)
        if undeliverable_character(value) or not encodable_domain(value.rpartition("@")[2]):
            raise ValidationError(self.message, code=self.code, params={"value": value})


validate_email_address = EmailAddressValidator()


def install():
    """Make the check the default of Django's e-mail fields. Form fields copy their
    default validators when built, so this must run before any form class exists."""
    from django import forms
    from django.db import models

    forms.EmailField.default_validators = [validate_email_address]
    models.EmailField.default_validators = [validate_email_address]
