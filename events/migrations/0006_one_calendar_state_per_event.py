"""One calendar state, one set of registrations and one set of facts per event.

Existing rows: each calendar state is re-keyed by its page's translation key (the
highest SEQUENCE wins when translations had one each); registrations held by a
translation move to the page in the default language; translations take the facts
of that page, which owns them from now on."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

SHARED_FIELDS = (
    "event_type_id",
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
    "organiser_id",
    "language",
    "region_id",
    "registration_enabled",
    "registration_opens",
    "registration_closes",
    "capacity",
    "waiting_list_enabled",
    "reminder_hours",
)


def owners_by_key(EventPage):
    owners = {}
    pages = EventPage.objects.order_by("pk").select_related("locale")
    for page in pages:
        current = owners.get(page.translation_key)
        is_default = page.locale.language_code == settings.LANGUAGE_CODE
        if current is None or (is_default and current.locale.language_code != settings.LANGUAGE_CODE):
            owners[page.translation_key] = page
    return owners


def forwards(apps, schema_editor):
    EventPage = apps.get_model("events", "EventPage")
    CalendarState = apps.get_model("events", "CalendarState")
    Registration = apps.get_model("events", "Registration")
    through = EventPage.themes.through
    owners = owners_by_key(EventPage)

    kept = {}
    for state in CalendarState.objects.select_related("event").order_by("-sequence", "pk"):
        key = state.event.translation_key
        if key in kept:
            state.delete()
            continue
        state.translation_key = key
        state.save(update_fields=["translation_key"])
        kept[key] = state

    for key, owner in owners.items():
        translations = EventPage.objects.filter(translation_key=key).exclude(pk=owner.pk)
        pks = list(translations.values_list("pk", flat=True))
        if not pks:
            continue
        translations.update(**{name: getattr(owner, name) for name in SHARED_FIELDS})
        Registration.objects.filter(event_id__in=pks).update(event_id=owner.pk)
        themes = list(through.objects.filter(eventpage_id=owner.pk).values_list("theme_id", flat=True))
        through.objects.filter(eventpage_id__in=pks).delete()
        through.objects.bulk_create(
            [through(eventpage_id=pk, theme_id=theme) for pk in pks for theme in themes]
        )


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0005_eventpage_projects"),
    ]

    operations = [
        migrations.AddField(
            model_name="calendarstate",
            name="translation_key",
            field=models.UUIDField(null=True, verbose_name="translation key"),
        ),
        migrations.AddField(
            model_name="calendarstate",
            name="withdrawn_at",
            field=models.DateTimeField(
                blank=True,
                help_text="When the event was unpublished with people registered: cancelled.",
                null=True,
                verbose_name="withdrawn",
            ),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop),
        migrations.RemoveField(model_name="calendarstate", name="event"),
        migrations.AlterField(
            model_name="calendarstate",
            name="translation_key",
            field=models.UUIDField(unique=True, verbose_name="translation key"),
        ),
        migrations.AlterField(
            model_name="registration",
            name="event",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="registrations",
                to="events.eventpage",
                verbose_name="event",
            ),
        ),
    ]
