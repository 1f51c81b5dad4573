"""The cms app's entries in the personal-data registry (cms.privacy): the people
listed as contacts and authors, what Wagtail itself keeps about any registered row
(admin log, revisions, form submissions: cms.privacy.wagtail_traces), and what is exempt (the
organisation's own contact address, staff accounts)."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from cms import outbox, privacy
from cms.models import OutgoingEmail, Person, SiteSettings
from cms.privacy import wagtail_traces

OUTBOX_RETENTION = timedelta(days=90)


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


def _messages(subject):
    return OutgoingEmail.objects.filter(to__iexact=subject.email)


def export_messages(subject):
    messages = _messages(subject)
    return [
        {
            "subject": message.subject,
            "purpose": message.purpose,
            "status": message.status,
            "created_at": message.created_at.isoformat(),
            "sent_at": message.sent_at.isoformat() if message.sent_at else None,
        }
        for message in messages
    ]


def erase_messages(subject):
    return outbox.erase_recipient(subject.email)


def expire_messages(now):
    """Sent or given-up messages are kept a while for staff to answer questions."""
    done = [OutgoingEmail.Status.SENT, OutgoingEmail.Status.FAILED]
    old = OutgoingEmail.objects.filter(status__in=done, created_at__lt=now - OUTBOX_RETENTION)
    deleted, _by_model = old.delete()
    return deleted


def register():
    privacy.register(
        OutgoingEmail,
        purpose=_("Sending a person the messages they asked for or need (confirmations, links)."),
        retention=_("90 days after sending, then deleted."),
        export=export_messages,
        erase=erase_messages,
        expire=expire_messages,
        rows=_messages,
    )
    privacy.register(
        Person,
        purpose=_("Showing the network's coordinators and authors as contacts."),
        retention=_("While the person works for the network; editors remove the card."),
        export=export_people,
        erase=erase_people,
        rows=_people,
    )
    privacy.register_traces("wagtailcore.ModelLogEntry", erase=wagtail_traces.erase_log_entries)
    privacy.register_traces("wagtailcore.Revision", erase=wagtail_traces.erase_revisions)
    privacy.register_traces(
        "wagtailforms.FormSubmission", erase=wagtail_traces.erase_form_submissions
    )
    privacy.exempt(SiteSettings, "The organisation's shared contact address, not a person's.")
    privacy.exempt(
        get_user_model(),
        "Staff accounts, managed by administrators in the Wagtail user admin.",
    )
