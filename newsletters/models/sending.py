"""Sending an issue: the send, its batches and one delivery record per recipient.

Deliveries are written before the ESP is called and a batch is marked sent only
after the ESP accepted it; see docs/newsletters.md for why this bounds duplicates.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from newsletters.segments import Segment


class SendQuerySet(models.QuerySet):
    def in_progress(self):
        return self.filter(status__in=[Send.Status.SCHEDULED, Send.Status.SENDING])


class Send(models.Model):
    """One decision to send an issue to one or more lists."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        SENDING = "sending", _("Sending")
        PAUSED = "paused", _("Paused after repeated failures")
        FAILED = "failed", _("Stopped by an error")
        CANCELLED = "cancelled", _("Cancelled")
        FINISHED = "finished", _("Finished")

    issue = models.ForeignKey(
        "newsletters.NewsletterIssuePage",
        verbose_name=_("issue"),
        related_name="sends",
        on_delete=models.PROTECT,
    )
    mailing_lists = models.ManyToManyField(
        "newsletters.MailingList", verbose_name=_("mailing lists"), related_name="sends"
    )
    # The network audience the send was narrowed to (newsletters.segments); empty: all.
    segment_regions = models.ManyToManyField(
        "cms.Region", verbose_name=_("only members in regions"), blank=True, related_name="+"
    )
    segment_organisation_kinds = models.JSONField(
        _("only members of organisation kinds"), default=list, blank=True
    )
    segment_projects = models.ManyToManyField(
        "network.Project", verbose_name=_("only members of projects"), blank=True, related_name="+"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.SCHEDULED)
    scheduled_at = models.DateTimeField(_("scheduled for"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sender"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    prepared = models.BooleanField(_("recipients listed"), default=False)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(_("last progress"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)

    objects = SendQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("send")
        verbose_name_plural = _("sends")

    def __str__(self):
        return f"{self.issue} ({self.get_status_display()})"

    def segment_description(self):
        """The network audience this send was narrowed to, in words ("" for everyone)."""
        return Segment.of_send(self).describe()

    def progress(self):
        """Counts of recipients sent, failed and remaining, for the progress view."""
        counts = dict(
            self.deliveries.values_list("status").annotate(n=models.Count("id")).order_by()
        )
        failed = sum(counts.get(s, 0) for s in Delivery.FAILED_STATUSES)
        remaining = counts.get(Delivery.Status.QUEUED, 0)
        total = sum(counts.values())
        return {"sent": total - failed - remaining, "failed": failed, "remaining": remaining}


class Batch(models.Model):
    """Recipients sent by one worker at a time: one ESP call, or a run of one-by-one
    messages. A worker claims a pending batch atomically (`claimed_by`) and beats
    `heartbeat_at` while it works; a batch in flight whose heartbeat stopped belonged
    to a dead worker and is handed out again."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        IN_FLIGHT = "in_flight", _("Being sent")
        SENT = "sent", _("Sent")

    send = models.ForeignKey(Send, related_name="batches", on_delete=models.CASCADE)
    number = models.PositiveIntegerField()
    status = models.CharField(max_length=10, choices=Status, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    claimed_by = models.CharField(max_length=40, blank=True)
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["send", "number"]
        verbose_name = _("sending batch")
        verbose_name_plural = _("sending batches")
        constraints = [
            models.UniqueConstraint(fields=["send", "number"], name="newsletters_batch_number"),
        ]

    def __str__(self):
        return f"{self.send_id}/{self.number}"


class Delivery(models.Model):
    """The issue going to one subscriber: at most one per issue and subscriber."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Refused")
        SKIPPED = "skipped", _("Skipped (no longer subscribed)")
        DELIVERED = "delivered", _("Delivered")
        BOUNCED = "bounced", _("Bounced")
        COMPLAINED = "complained", _("Complained")
        UNSUBSCRIBED = "unsubscribed", _("Unsubscribed")

    FAILED_STATUSES = (Status.FAILED, Status.SKIPPED)

    issue = models.ForeignKey(
        "newsletters.NewsletterIssuePage", related_name="deliveries", on_delete=models.CASCADE
    )
    subscriber = models.ForeignKey(
        "newsletters.Subscriber", related_name="deliveries", on_delete=models.CASCADE
    )
    send = models.ForeignKey(Send, related_name="deliveries", on_delete=models.CASCADE)
    batch = models.ForeignKey(Batch, related_name="deliveries", on_delete=models.CASCADE)
    status = models.CharField(max_length=15, choices=Status, default=Status.QUEUED)
    esp_message_id = models.CharField(max_length=255, blank=True, db_index=True)
    error = models.CharField(max_length=500, blank=True)
    # Times this recipient was handed to the ESP, counted *before* each hand-over: more
    # than one means the recipient may have received the issue more than once.
    attempts = models.PositiveSmallIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "subscriber"], name="newsletters_one_delivery_per_issue"
            ),
        ]

    def __str__(self):
        return f"{self.issue_id}/{self.subscriber_id}: {self.status}"


class DeliveryEvent(models.Model):
    """A tracking event from the ESP; its event id makes a repeated webhook a no-op."""

    delivery = models.ForeignKey(Delivery, related_name="events", on_delete=models.CASCADE)
    event_type = models.CharField(max_length=20)
    esp_event_id = models.CharField(max_length=255, null=True, blank=True, unique=True)
    description = models.CharField(max_length=500, blank=True)
    occurred_at = models.DateTimeField()

    class Meta:
        ordering = ["occurred_at"]
        verbose_name = _("delivery event")
        verbose_name_plural = _("delivery events")

    def __str__(self):
        return f"{self.event_type} {self.occurred_at:%Y-%m-%d %H:%M}"
