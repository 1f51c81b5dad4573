"""Handing recipients of an issue to the e-mail backend, in the way the ESP allows.

- Batch (the ESP fills merge fields, see services.esp): one ESP call for a batch, the
  body's links as the ESP's merge fields, each recipient's List-Unsubscribe in
  merge_headers.
- One by one (SMTP, and ESPs without inline merge): each recipient's message is built
  here with their own links and headers, and sent over NEWSLETTER_SEND_CONNECTIONS
  connections in parallel, each opened once and reused for the whole send.

`deliver` answers {delivery id: (status, ESP message id, error)} for the recipients the
backend accepted or refused, or raises TransientSendError / PermanentSendError carrying
in `.outcome` what was settled before the error (so it is recorded, not sent again).
"""

import contextlib
import threading
from concurrent.futures import ThreadPoolExecutor
from email.utils import make_msgid

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db.models import Q
from django.utils import translation

from anymail.backends.base import AnymailBaseBackend

from cms.links import base_host
from newsletters.emails import MERGE_FIELDS, fill_links, link_maker, list_headers, merge_field
from newsletters.models import Delivery
from newsletters.services.esp import capabilities, classify, is_recipient_refusal

ACCEPTED = {"sent", "queued", "scheduled", "unknown"}
TAG = "newsletter"


class LostClaim(Exception):
    """This worker's batch was handed to another worker, or its lease may have run out:
    it hands over no further message. `.outcome` holds what was settled before."""

    outcome = {}


def always(*args):
    return True


class PresetMessage(EmailMultiAlternatives):
    """A message that may carry its MIME bytes already made (`raw`, from MimeTemplate):
    SMTP-style backends then send those instead of building the MIME tree again."""

    raw = None

    def message(self, *args, **kwargs):
        if self.raw is None:
            return super().message(*args, **kwargs)
        return RawMime(self.raw)


class RawMime:
    def __init__(self, raw):
        self.raw = raw

    def as_bytes(self, unixfrom=False, linesep="\n"):
        return self.raw if linesep == "\r\n" else self.raw.replace(b"\r\n", linesep.encode())


class MimeTemplate:
    """The issue's MIME message built once with placeholders, each recipient's copy made
    by replacing them: building the MIME tree took 2 ms a message, most of an SMTP
    send's time. Only used when every placeholder survived encoding verbatim, and for
    recipients whose values are plain ASCII; otherwise the message is built as usual."""

    TO = "recipient@placeholder.invalid"
    MESSAGE_ID = "<message-id@placeholder.invalid>"
    UNSUBSCRIBE = "<list-unsubscribe@placeholder.invalid>"

    def __init__(self, raw):
        self.raw = raw

    @classmethod
    def build(cls, rendered, list_id):
        headers = list_headers("https://placeholder.invalid/x/", list_id)
        headers.update({"List-Unsubscribe": cls.UNSUBSCRIBE, "Message-ID": cls.MESSAGE_ID})
        message = build_message(rendered, [cls.TO], rendered.html, rendered.text, headers)
        raw = message.message().as_bytes(linesep="\r\n")
        expected = {cls.TO: 1, cls.MESSAGE_ID: 1, cls.UNSUBSCRIBE: 1}
        for name in MERGE_FIELDS:
            field = merge_field(name)
            expected[field] = rendered.html.count(field) + rendered.text.count(field)
        if any(raw.count(p.encode()) != n for p, n in expected.items()):
            return None
        return cls(raw)

    def fill(self, to, headers, links):
        """This recipient's MIME bytes, or None when a value is not plain ASCII."""
        values = {
            self.TO: to,
            self.MESSAGE_ID: headers["Message-ID"],
            self.UNSUBSCRIBE: headers["List-Unsubscribe"],
            **{merge_field(name): links[name] for name in MERGE_FIELDS},
        }
        if not all(v.isascii() and "\n" not in v and "\r" not in v for v in values.values()):
            return None
        raw = self.raw
        for placeholder, value in values.items():
            raw = raw.replace(placeholder.encode(), value.encode())
        return raw


def build_message(rendered, to, html, text, headers=None):
    message = PresetMessage(subject=rendered.subject, body=text, to=to, headers=headers or {})
    message.attach_alternative(html, "text/html")
    return message


def list_id_header(send):
    host = base_host()
    slugs = ".".join(send.mailing_lists.order_by("pk").values_list("slug", flat=True))
    return f"<{slugs}.{host}>"


def tracking_of(send):
    """(track opens, track clicks): on only when one of the send's lists asks."""
    lists = send.mailing_lists.filter(Q(track_opens=True) | Q(track_clicks=True))
    return (
        lists.filter(track_opens=True).exists(),
        lists.filter(track_clicks=True).exists(),
    )


class Dispatcher:
    """One send's messages to one e-mail backend; a context manager that closes the
    connections it opened."""

    def __init__(self, send, rendered):
        self.send = send
        self.rendered = rendered
        self.list_id = list_id_header(send)
        self.track_opens, self.track_clicks = tracking_of(send)
        self.connection = get_connection()
        self.anymail = isinstance(self.connection, AnymailBaseBackend)
        self.caps = capabilities(self.connection)
        self.batch = self.caps.batch
        self.batch_html, self.batch_text = self._in_esp_syntax(rendered)
        self._local = threading.local()
        self._opened = []
        self._lock = threading.Lock()
        size = 1 if self.batch else max(1, settings.NEWSLETTER_SEND_CONNECTIONS)
        self._pool = ThreadPoolExecutor(size, thread_name_prefix="newsletter-send")
        with translation.override(rendered.language):
            self._make_links = link_maker()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        self.connection.close()
        self._pool.shutdown()

    def close(self):
        """Close every connection; the next message opens fresh ones (after an error a
        connection may be unusable)."""
        with self._lock:
            opened, self._opened = self._opened, []
            self._local = threading.local()
        for connection in opened:
            # A broken connection is dropped either way.
            with contextlib.suppress(Exception):
                connection.close()

    def _in_esp_syntax(self, rendered):
        html, text = rendered.html, rendered.text
        if self.batch:
            for name in MERGE_FIELDS:
                esp_field = self.caps.merge_field.replace("NAME", name)
                html = html.replace(merge_field(name), esp_field)
                text = text.replace(merge_field(name), esp_field)
        return html, text

    def links(self, delivery, list_ids):
        return self._make_links(delivery.subscriber_id, list_ids, delivery.issue_id)

    def deliver(self, deliveries, lists_of, held=always):
        """Send to `deliveries`; `lists_of` gives each subscriber's lists for their links.
        `held()` is asked just before each hand-over to the backend: once it answers
        False (the worker's lease on the batch is lost), nothing more is handed over and
        LostClaim is raised with what was settled."""
        links = {d.pk: self.links(d, lists_of[d.subscriber_id]) for d in deliveries}
        if not held():
            raise LostClaim
        if self.batch:
            return self._deliver_batch(deliveries, links)
        return self._deliver_one_by_one(deliveries, links, held)

    def _common(self, message):
        """Metadata, tag and tracking flags, each only where the ESP takes it."""
        if self.caps.metadata:
            message.metadata = {"send_id": str(self.send.pk)}
        if self.caps.tags:
            message.tags = [TAG]
        if self.caps.tracking:
            message.track_opens = self.track_opens
            message.track_clicks = self.track_clicks

    def _deliver_batch(self, deliveries, links):
        """One ESP call; merge_data is set, so each recipient gets a separate message
        and nobody sees another's address."""
        by_email = {d.subscriber.email: d for d in deliveries}
        message = build_message(self.rendered, list(by_email), self.batch_html, self.batch_text)
        message.merge_data = {email: links[d.pk] for email, d in by_email.items()}
        message.merge_headers = {
            email: list_headers(links[d.pk]["unsubscribe_url"], self.list_id)
            for email, d in by_email.items()
        }
        if self.caps.merge_metadata:
            message.merge_metadata = {e: {"delivery_id": str(d.pk)} for e, d in by_email.items()}
        self._common(message)
        try:
            self.connection.send_messages([message])
        except Exception as error:
            if not is_recipient_refusal(error):
                raise classify(error) from error
        return {
            d.pk: _anymail_outcome(_status_of(message.anymail_status, email))
            for email, d in by_email.items()
        }

    def _deliver_one_by_one(self, deliveries, links, held=always):
        template = None if self.anymail else MimeTemplate.build(self.rendered, self.list_id)

        def build_and_send(delivery):
            if not held():
                return None, LostClaim()
            # Built in the sending thread, so building overlaps the other connections' waits.
            return self._send_one(self._own_message(delivery, links[delivery.pk], template))

        results = list(self._pool.map(build_and_send, deliveries))
        outcome, failure = {}, None
        for delivery, (result, error) in zip(deliveries, results, strict=True):
            if result is not None:
                outcome[delivery.pk] = result
            elif failure is None:
                failure = error
        if any(isinstance(error, LostClaim) for _, error in results):
            # Whatever else failed: a batch no longer held is not tried again here.
            self.close()
            lost = LostClaim()
            lost.outcome = outcome
            raise lost
        if failure is not None:
            self.close()
            problem = classify(failure)
            problem.outcome = outcome
            raise problem from failure
        return outcome

    def _own_message(self, delivery, values, template=None):
        html, text = fill_links(self.rendered, values)
        headers = list_headers(values["unsubscribe_url"], self.list_id)
        if not self.anymail:
            headers["Message-ID"] = make_msgid(domain=base_host())
        to = delivery.subscriber.email
        message = build_message(self.rendered, [to], html, text, headers)
        if template is not None:
            message.raw = template.fill(to, headers, values)
        if self.anymail:
            self._common(message)
            if self.caps.metadata:
                message.metadata["delivery_id"] = str(delivery.pk)
        return message

    def _thread_connection(self):
        connection = getattr(self._local, "connection", None)
        if connection is None:
            connection = get_connection()
            connection.open()
            self._local.connection = connection
            with self._lock:
                self._opened.append(connection)
        return connection

    def _send_one(self, message):
        """(outcome, None) when the backend settled this recipient, else (None, error)."""
        try:
            self._thread_connection().send_messages([message])
        except Exception as error:
            if not is_recipient_refusal(error):
                return None, error
            return (Delivery.Status.FAILED, "", _refusal(error, message)), None
        if self.anymail:
            return _anymail_outcome(_status_of(message.anymail_status, message.to[0])), None
        return (Delivery.Status.SENT, message.extra_headers["Message-ID"], ""), None


def _status_of(anymail_status, email):
    """anymail keys recipient statuses by the address as the ESP answered it."""
    statuses = anymail_status.recipients
    status = statuses.get(email) or statuses.get(email.lower())
    if status is None:
        status = next((s for a, s in statuses.items() if a.lower() == email.lower()), None)
    return status


def _anymail_outcome(status):
    if status is not None and status.status in ACCEPTED:
        message_id = "" if status.message_id is None else str(status.message_id)
        return (Delivery.Status.SENT, message_id, "")
    reason = status.status if status else "no status"
    return (Delivery.Status.FAILED, "", f"refused by ESP: {reason}")


def _refusal(error, message):
    status = getattr(message, "anymail_status", None)
    if status is not None and status.recipients:
        return f"refused by ESP: {next(iter(status.recipients.values())).status}"
    return str(error)[:500]
