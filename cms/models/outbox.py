"""The stored outgoing message: every e-mail the site sends to one person is a row first.

A message is rendered and stored in the same transaction as whatever caused it (a
registration, a subscription, a sign-in request), then a background task sends it,
retrying with back-off. So a mail server that is down loses nothing, a web request
never waits for one, and staff can see what failed and why.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class OutgoingEmailQuerySet(models.QuerySet):
    def failed(self):
        return self.filter(status=OutgoingEmail.Status.FAILED)


class OutgoingEmail(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    to = models.EmailField(_("recipient"), max_length=254)
    subject = models.CharField(_("subject"), max_length=300)
    text = models.TextField(_("text"))
    html = models.TextField(_("HTML"), blank=True)
    attachments = models.JSONField(_("attachments"), default=list, blank=True)
    headers = models.JSONField(_("headers"), default=dict, blank=True)
    reply_to = models.EmailField(_("reply to"), max_length=254, blank=True)
    language = models.CharField(_("language"), max_length=5, default="fi")
    purpose = models.CharField(
        _("purpose"), max_length=60, help_text=_("What the message is for, e.g. events.reminder.")
    )
    key = models.CharField(
        _("key"),
        max_length=150,
        blank=True,
        help_text=_("Unique per purpose when set, so the same message is never sent twice."),
    )
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True, db_index=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    claimed_at = models.DateTimeField(_("claimed"), null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), default=timezone.now)

    objects = OutgoingEmailQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")
        constraints = [
            models.UniqueConstraint(
                fields=["purpose", "key"],
                condition=~models.Q(key=""),
                name="cms_outgoing_email_once_per_key",
            )
        ]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self):
        return f"{self.purpose} ({self.get_status_display()})"
