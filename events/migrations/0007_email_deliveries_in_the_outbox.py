"""Registration e-mails move to the shared outbox (cms.OutgoingEmail).

Each existing delivery gets an outbox row with what it recorded (subject, message,
status, attempts, last error, when sent), so staff keep seeing what was sent and what
failed. A delivery still queued or sending when this runs was rendered only at send
time, so it cannot be carried over as a finished message: it becomes a failed row
that says so, visible in Settings → Outgoing e-mail."""

import django.db.models.deletion
from django.db import migrations, models

NOT_CARRIED = "queued before registration e-mails moved to the outbox; not sent"


def forwards(apps, schema_editor):
    EmailDelivery = apps.get_model("events", "EmailDelivery")
    OutgoingEmail = apps.get_model("cms", "OutgoingEmail")
    deliveries = EmailDelivery.objects.select_related("registration").order_by("pk")
    for delivery in deliveries.iterator():
        registration = delivery.registration
        if not registration.email:  # anonymised: nothing personal to keep
            continue
        finished = delivery.status in ("sent", "failed")
        message = OutgoingEmail.objects.create(
            to=registration.email,
            subject=delivery.subject or delivery.kind,
            text=delivery.body,
            language=registration.language,
            purpose=f"events.{delivery.kind}",
            status=delivery.status if finished else "failed",
            attempts=delivery.attempts,
            last_error=delivery.last_error if finished else NOT_CARRIED,
            sent_at=delivery.sent_at,
        )
        OutgoingEmail.objects.filter(pk=message.pk).update(created_at=delivery.created_at)
        delivery.message = message
        delivery.save(update_fields=["message"])


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0004_outgoing_email"),
        ("events", "0006_one_calendar_state_per_event"),
    ]

    operations = [
        migrations.AddField(
            model_name="emaildelivery",
            name="message",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="cms.outgoingemail",
                verbose_name="message",
            ),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
        migrations.RemoveField(model_name="emaildelivery", name="attempts"),
        migrations.RemoveField(model_name="emaildelivery", name="body"),
        migrations.RemoveField(model_name="emaildelivery", name="last_error"),
        migrations.RemoveField(model_name="emaildelivery", name="sent_at"),
        migrations.RemoveField(model_name="emaildelivery", name="status"),
        migrations.RemoveField(model_name="emaildelivery", name="subject"),
    ]
