"""Importing subscribers from CSV with a report of what happened to every row."""

import csv
import io
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from newsletters.models import Subscriber, Subscription

MAX_BYTES = 5 * 1024 * 1024
LANGUAGES = {code for code, _name in settings.LANGUAGES}
SUPPRESSED = {
    Subscription.Status.UNSUBSCRIBED,
    Subscription.Status.BOUNCED,
    Subscription.Status.COMPLAINED,
}


@dataclass
class ImportReport:
    accepted: int = 0
    updated: int = 0
    rejected: list = field(default_factory=list)


def read_rows(uploaded):
    """Rows as dicts with lower-case keys; ValueError with a reason if unreadable."""
    if uploaded.size > MAX_BYTES:
        raise ValueError(_("The file is larger than 5 MB."))
    try:
        text = uploaded.read().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValueError(_("The file is not UTF-8 text.")) from error
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
    if not reader.fieldnames or "email" not in [n.strip().lower() for n in reader.fieldnames]:
        raise ValueError(_("The first row must name the columns, one of them email."))
    for row in reader:
        yield {(k or "").strip().lower(): (v or "").strip() for k, v in row.items() if k}


def import_subscribers(uploaded, mailing_list, consent_text):
    """Add people to a list. Imported people are marked as such, and anyone who has
    unsubscribed, bounced or complained on that list is never subscribed again."""
    report = ImportReport()
    seen = set()
    try:
        rows = list(enumerate(read_rows(uploaded), start=2))
    except ValueError as error:
        report.rejected.append((1, str(error)))
        return report
    for number, row in rows:
        reason = import_row(row, mailing_list, consent_text, seen, report)
        if reason:
            report.rejected.append((number, reason))
    return report


@transaction.atomic
def import_row(row, mailing_list, consent_text, seen, report):
    email = row.get("email", "")
    try:
        validate_email(email)
    except ValidationError:
        return _("Not a valid e-mail address.")
    if len(email) > 254 or len(row.get("name", "")) > 200 or len(row.get("organisation", "")) > 200:
        return _("A value is too long.")
    if email.lower() in seen:
        return _("The address appears twice in the file.")
    seen.add(email.lower())
    language = row.get("language") or mailing_list.language
    if language not in LANGUAGES:
        return _("Unknown language; use fi, sv or en.")
    subscriber = Subscriber.objects.for_email(email)
    known = subscriber is not None
    if not known:
        subscriber = Subscriber.objects.create(
            email=email,
            name=row.get("name", ""),
            organisation=row.get("organisation", ""),
            language=language,
            source=Subscriber.Source.IMPORT,
        )
    subscriber.link_member()
    subscription = Subscription.objects.filter(
        subscriber=subscriber, mailing_list=mailing_list
    ).first()
    if subscription is not None and subscription.status in SUPPRESSED:
        return _("Unsubscribed or undeliverable earlier; not subscribed again.")
    now = timezone.now()
    if subscription is None:
        subscription = Subscription(subscriber=subscriber, mailing_list=mailing_list)
    subscription.status = Subscription.Status.ACTIVE
    subscription.consent_text = consent_text
    subscription.consent_source = "import"
    subscription.consent_at = subscription.consent_at or now
    subscription.changed_at = now
    subscription.save()
    if known:
        report.updated += 1
    else:
        report.accepted += 1
    return None
