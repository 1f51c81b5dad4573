"""Drop what the event record replaced: the facts on each page and the rows' links to
one language's page."""

import django.db.models.deletion
import django.db.models.functions.text
from django.db import migrations, models

PAGE_FACTS = (
    "event_type",
    "start",
    "end",
    "all_day",
    "status",
    "attendance_mode",
    "venue_name",
    "street_address",
    "postal_code",
    "municipality",
    "online_platform",
    "online_join_url",
    "organiser",
    "language",
    "region",
    "themes",
    "projects",
    "registration_enabled",
    "registration_opens",
    "registration_closes",
    "capacity",
    "waiting_list_enabled",
    "reminder_hours",
)


def repoint(model_name, on_delete, related_name):
    return [
        migrations.RemoveField(model_name, "event"),
        migrations.RenameField(model_name, "record", "event"),
        migrations.AlterField(
            model_name,
            "event",
            models.ForeignKey(
                on_delete=on_delete,
                related_name=related_name,
                to="events.event",
                verbose_name="event",
            ),
        ),
    ]


class Migration(migrations.Migration):
    dependencies = [("events", "0013_event_record_data")]

    operations = [
        *[migrations.RemoveField("eventpage", name) for name in PAGE_FACTS],
        migrations.AlterField(
            "eventpage",
            "event",
            models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="pages",
                to="events.event",
                verbose_name="event record",
            ),
        ),
        *repoint("registration", django.db.models.deletion.PROTECT, "registrations"),
        *repoint("surveyinvitation", django.db.models.deletion.CASCADE, "+"),
        *repoint("surveyanswer", django.db.models.deletion.PROTECT, "survey_answers"),
        migrations.AddConstraint(
            model_name="registration",
            constraint=models.UniqueConstraint(
                django.db.models.functions.text.Lower("email"),
                models.F("event"),
                condition=models.Q(("status__in", ["confirmed", "waiting"]), models.Q(("email", ""), _negated=True)),
                name="events_registration_one_active_per_email",
            ),
        ),
        migrations.AddIndex(
            model_name="registration",
            index=models.Index(fields=["event", "status", "created_at"], name="events_regi_event_i_436663_idx"),
        ),
    ]
