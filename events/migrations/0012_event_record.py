"""One record per event: the calendar state grows into the event record that holds every
fact that is not words, and the rows that belong to the event learn to point at it.
The data moves in 0013; 0014 drops the old columns."""

import uuid

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


def nullable(field):
    field.null = True
    return field


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0008_finnish_moderation_workflow"),
        ("network", "0009_translated_verbose_names"),
        ("events", "0011_translated_verbose_names"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="registration", name="events_registration_one_active_per_email"
        ),
        migrations.RemoveIndex(
            model_name="registration", name="events_regi_event_i_436663_idx"
        ),
        migrations.RenameModel("CalendarState", "Event"),
        migrations.AddField(
            "event",
            "event_type",
            models.ForeignKey(
                null=True, on_delete=django.db.models.deletion.PROTECT, to="events.eventtype"
            ),
        ),
        migrations.AddField("event", "start", models.DateTimeField(null=True)),
        migrations.AddField("event", "end", models.DateTimeField(null=True)),
        migrations.AddField("event", "all_day", models.BooleanField(default=False)),
        migrations.AddField("event", "status", models.CharField(default="scheduled", max_length=20)),
        migrations.AddField(
            "event", "attendance_mode", models.CharField(default="online", max_length=20)
        ),
        migrations.AddField("event", "venue_name", models.CharField(blank=True, max_length=200)),
        migrations.AddField(
            "event", "street_address", models.CharField(blank=True, max_length=200)
        ),
        migrations.AddField("event", "postal_code", models.CharField(blank=True, max_length=10)),
        migrations.AddField("event", "municipality", models.CharField(blank=True, max_length=100)),
        migrations.AddField(
            "event", "online_platform", models.CharField(blank=True, max_length=100)
        ),
        migrations.AddField("event", "online_join_url", models.URLField(blank=True, max_length=500)),
        migrations.AddField(
            "event",
            "organiser",
            models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="network.organisation",
            ),
        ),
        migrations.AddField("event", "language", models.CharField(default="fi", max_length=3)),
        migrations.AddField(
            "event",
            "region",
            models.ForeignKey(
                blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, to="cms.region"
            ),
        ),
        migrations.AddField(
            "event", "themes", modelcluster.fields.ParentalManyToManyField(blank=True, to="cms.theme")
        ),
        migrations.AddField(
            "event",
            "projects",
            modelcluster.fields.ParentalManyToManyField(
                blank=True, related_name="+", to="network.project"
            ),
        ),
        migrations.AddField("event", "registration_enabled", models.BooleanField(default=False)),
        migrations.AddField("event", "registration_opens", models.DateTimeField(blank=True, null=True)),
        migrations.AddField(
            "event", "registration_closes", models.DateTimeField(blank=True, null=True)
        ),
        migrations.AddField(
            "event", "capacity", models.PositiveIntegerField(blank=True, null=True)
        ),
        migrations.AddField("event", "waiting_list_enabled", models.BooleanField(default=True)),
        migrations.AddField(
            "event", "reminder_hours", models.PositiveSmallIntegerField(default=24)
        ),
        migrations.AddField(
            "eventpage",
            "event",
            models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="pages",
                to="events.event",
            ),
        ),
        migrations.AddField(
            "registrationquestion",
            "key",
            models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AddField(
            "registration",
            "record",
            models.ForeignKey(
                null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="events.event"
            ),
        ),
        migrations.AddField(
            "surveyinvitation",
            "record",
            models.ForeignKey(
                null=True, on_delete=django.db.models.deletion.CASCADE, related_name="+", to="events.event"
            ),
        ),
        migrations.AddField(
            "surveyanswer",
            "record",
            models.ForeignKey(
                null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="events.event"
            ),
        ),
    ]
