"""The cms app's entries in the personal-data registry (cms.privacy): the people
listed as contacts and authors, and what is exempt (the organisation's own contact
address, staff accounts)."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from cms import privacy
from cms.models import Person, SiteSettings


def _people(subject):
    return Person.objects.filter(email__iexact=subject.email)


def export_people(subject):
    return [
        {
            "name": person.name,
            "email": person.email,
            "phone": person.phone,
            "organisation": person.organisation,
            "role": person.role,
        }
        for person in _people(subject)
    ]


def erase_people(subject):
    """The contact card stays for the pages that name it as author, but shows nobody."""
    return _people(subject).update(
        name="–", email="", phone="", photo=None, show_on_contacts_page=False
    )


def register():
    privacy.register(
        Person,
        purpose=_("Showing the network's coordinators and authors as contacts."),
        retention=_("While the person works for the network; editors remove the card."),
        export=export_people,
        erase=erase_people,
    )
    privacy.exempt(SiteSettings, "The organisation's shared contact address, not a person's.")
    privacy.exempt(
        get_user_model(),
        "Staff accounts, managed by administrators in the Wagtail user admin.",
    )
