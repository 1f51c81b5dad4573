"""Importing subscribers from CSV, in the background and in bulk.

The upload is checked and stored at once (`create_import`); a task then imports it
(`run_import`) in batches of BATCH_SIZE rows, each in one transaction with a fixed
number of queries whatever its size: the people already known are looked up together,
the new ones inserted with bulk_create, their subscriptions likewise. bulk_create sends
no post_save signal, so no reference-index task is queued per row (Subscriber is a
ClusterableModel, and a row-by-row import queued three of them per row).
"""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.db.models.functions import Coalesce, Lower
from django.utils import timezone
from django.utils.translation import gettext as _

from cms import spreadsheets
from cms.validators import validate_email_address
from network.models import Member
from newsletters.models import Subscriber, SubscriberImport, Subscription

MAX_BYTES = 5 * 1024 * 1024
# Longer than any row of e-mail, name, organisation and language; a longer line is
# reported as too long without being parsed.
MAX_LINE = 10_000
BATCH_SIZE = 500
# A running import not heard of for this long lost its worker (a batch takes seconds).
STALLED_AFTER = timedelta(minutes=10)
LANGUAGES = {code for code, _name in settings.LANGUAGES}
SUPPRESSED = {
    Subscription.Status.UNSUBSCRIBED,
    Subscription.Status.BOUNCED,
    Subscription.Status.COMPLAINED,
}


def read_upload(uploaded):
    """The file's text; UnreadableFile (a ValueError) with a reason the staff member can
    act on. Every row is read now, so a file the import could not get through is
    refused at upload."""
    text = spreadsheets.read_text(uploaded, max_bytes=MAX_BYTES)
    for _row in read_rows(text):  # the header is checked, and the reader never fails
        pass
    return text


def read_rows(text):
    """(row number, row or reason code) for each line after the header (row 1): a row
    has the header's lower-case keys and stripped values; a line that cannot be one row
    (an unbalanced quote, a line longer than MAX_LINE) is its reason code. Every line is
    a row of its own: subscriber data has no line breaks in values, so a quotation mark
    left open costs its own line and swallows none of the next."""
    table = spreadsheets.csv_table(text, multiline=False, max_record=MAX_LINE)
    if "email" not in table.columns:
        raise spreadsheets.UnreadableFile(
            _("The first row must name the columns, one of them email.")
        )
    return table.rows()


def create_import(uploaded, mailing_list, consent_text, user=None):
    """Store a checked upload for the import task; ValueError when unreadable."""
    return SubscriberImport.objects.create(
        mailing_list=mailing_list,
        consent_text=consent_text,
        content=read_upload(uploaded),
        created_by=user,
    )


def run_import(import_id):
    """The task's whole body. Imported people are marked as such, and anyone who has
    unsubscribed, bounced or complained on the list is never subscribed again. Whatever
    stops it, the job ends as failed with the reason, and the uploaded text is dropped."""
    claimed = SubscriberImport.objects.filter(
        pk=import_id, status=SubscriberImport.Status.QUEUED
    ).update(status=SubscriberImport.Status.RUNNING, heartbeat_at=timezone.now())
    if not claimed:
        return
    job = SubscriberImport.objects.select_related("mailing_list").get(pk=import_id)
    seen = set()
    try:
        rows = list(read_rows(job.content))
        SubscriberImport.objects.filter(pk=job.pk).update(total_rows=len(rows))
        for start in range(0, len(rows), BATCH_SIZE):
            import_batch(job, rows[start : start + BATCH_SIZE], seen)
    except Exception as error:
        # The class only: a database error's text may quote an address.
        finish(job, SubscriberImport.Status.FAILED, error=type(error).__name__)
        raise
    finish(job, SubscriberImport.Status.FINISHED)


def finish(job, status, error=""):
    """Record the outcome and drop the uploaded text: the addresses are imported now."""
    SubscriberImport.objects.filter(pk=job.pk).update(
        status=status, error=error[:500], content="", finished_at=timezone.now()
    )


def fail_stalled_imports(now=None):
    """End as failed every running import whose worker has not been heard of for
    STALLED_AFTER (it was killed, or its machine restarted), dropping its uploaded text;
    the number ended. A live worker beats after every batch."""
    now = now or timezone.now()
    return SubscriberImport.objects.filter(
        status=SubscriberImport.Status.RUNNING, heartbeat_at__lt=now - STALLED_AFTER
    ).update(
        status=SubscriberImport.Status.FAILED,
        error=SubscriberImport.WORKER_STOPPED,
        content="",
        finished_at=now,
    )


def check_row(row, mailing_list, seen):
    """(reason code or None, language) for one row; the first problem wins."""
    email = row.get("email", "")
    try:
        validate_email_address(email)
    except ValidationError:
        return "invalid", None
    if len(email) > 254 or len(row.get("name", "")) > 200 or len(row.get("organisation", "")) > 200:
        return "too_long", None
    if email.lower() in seen:
        return "duplicate", None
    seen.add(email.lower())
    language = (row.get("language") or mailing_list.language).lower()
    if language not in LANGUAGES:
        return "language", None
    return None, language


@transaction.atomic
def import_batch(job, rows, seen):
    """Import one batch of rows and add it to the job's counts."""
    rejected, valid = [], {}
    for number, row in rows:
        if isinstance(row, str):  # a line that could not be read as a row
            rejected.append([number, row])
            continue
        reason, language = check_row(row, job.mailing_list, seen)
        if reason:
            rejected.append([number, reason])
        else:
            valid[row["email"].lower()] = (number, row, language)
    known = {
        subscriber.email.lower(): subscriber
        for subscriber in Subscriber.objects.annotate(lower_email=Lower("email")).filter(
            lower_email__in=list(valid)
        )
    }
    people = add_subscribers(valid, known)
    accepted, updated, suppressed = subscribe(job, valid, people, known)
    rejected += [[valid[email][0], "suppressed"] for email in suppressed]
    job.rejected = sorted(job.rejected + rejected)
    SubscriberImport.objects.filter(pk=job.pk).update(
        processed_rows=F("processed_rows") + len(rows),
        accepted=F("accepted") + accepted,
        updated=F("updated") + updated,
        rejected=job.rejected,
        heartbeat_at=timezone.now(),
    )


def add_subscribers(valid, known):
    """{lower-case address: subscriber} for every valid row, creating the new people
    and linking everyone to their network member record (staff vouch for the list)."""
    new = [
        Subscriber(
            email=row["email"],
            name=row.get("name", ""),
            organisation=row.get("organisation", ""),
            language=language,
            source=Subscriber.Source.IMPORT,
        )
        for email, (_number, row, language) in valid.items()
        if email not in known
    ]
    unlinked = [s for s in known.values() if s.member_id is None]
    members = member_ids(new + unlinked)
    for subscriber in new + unlinked:
        subscriber.member_id = members[subscriber.email.lower()]
    Subscriber.objects.bulk_create(new)
    if unlinked:
        Subscriber.objects.bulk_update(unlinked, ["member"])
    return {**known, **{s.email.lower(): s for s in new}}


def member_ids(subscribers):
    """{lower-case address: member id}, creating the missing members in one insert."""
    wanted = {s.email.lower(): s for s in subscribers}
    if not wanted:
        return {}

    def existing(emails):
        return dict(
            Member.objects.annotate(lower_email=Lower("email"))
            .filter(lower_email__in=emails)
            .values_list("lower_email", "pk")
        )

    found = existing(list(wanted))
    missing = [email for email in wanted if email not in found]
    if missing:
        Member.objects.bulk_create(
            [Member(email=wanted[e].email, name=wanted[e].name) for e in missing],
            ignore_conflicts=True,  # someone may have registered meanwhile
        )
        found.update(existing(missing))
    return found


def subscribe(job, valid, people, known):
    """Put every valid row's person on the list; (accepted, updated, suppressed
    addresses). A pending subscription is activated with the import's consent; an
    active one keeps the consent it was given."""
    current = {
        s.subscriber_id: s
        for s in Subscription.objects.filter(
            mailing_list=job.mailing_list,
            subscriber_id__in=[people[email].pk for email in valid],
        )
    }
    now = timezone.now()
    accepted = updated = 0
    suppressed, to_create, to_activate = [], [], []
    for email in valid:
        subscription = current.get(people[email].pk)
        if subscription is not None and subscription.status in SUPPRESSED:
            suppressed.append(email)
            continue
        if subscription is None:
            to_create.append(
                Subscription(
                    subscriber=people[email],
                    mailing_list=job.mailing_list,
                    status=Subscription.Status.ACTIVE,
                    consent_text=job.consent_text,
                    consent_source="import",
                    consent_at=now,
                    changed_at=now,
                )
            )
        elif subscription.status == Subscription.Status.PENDING:
            to_activate.append(subscription.pk)
        if email in known:
            updated += 1
        else:
            accepted += 1
    Subscription.objects.bulk_create(to_create)
    Subscription.objects.filter(pk__in=to_activate).update(
        status=Subscription.Status.ACTIVE,
        consent_text=job.consent_text,
        consent_source="import",
        consent_at=Coalesce(F("consent_at"), now),
        changed_at=now,
    )
    return accepted, updated, suppressed
