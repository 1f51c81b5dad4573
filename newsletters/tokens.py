"""Signed, expiring tokens for the links in newsletter e-mail. They carry only ids,
never an address, so no personal data ends up in URLs or logs."""

from datetime import timedelta

from django.core import signing

DAY = timedelta(days=1)
# Unsubscribe links never expire: mailbox providers make the RFC 8058 one-click POST
# whenever a reader presses their "unsubscribe" button, months or years after the mail
# came, and the link can only stop the lists of that one message.
MAX_AGE = {
    "confirm": 7 * DAY,
    "preferences": 365 * DAY,
    "unsubscribe": None,
}


def make_token(kind, subscriber_id, list_ids=(), issue_id=None):
    value = [subscriber_id, sorted(list_ids)]
    if issue_id is not None:
        value.append(issue_id)
    return signing.dumps(value, salt=f"newsletters.{kind}")


def read_token(kind, token):
    """(subscriber id, list ids, issue id or None); raises signing.BadSignature when
    tampered, expired or malformed."""
    if len(token) > 500:
        raise signing.BadSignature("token too long")
    value = signing.loads(token, salt=f"newsletters.{kind}", max_age=MAX_AGE[kind])
    try:
        subscriber_id, list_ids, *rest = value
        issue_id = int(rest[0]) if rest else None
        return int(subscriber_id), [int(pk) for pk in list_ids], issue_id
    except (TypeError, ValueError) as error:
        raise signing.BadSignature("malformed token") from error
