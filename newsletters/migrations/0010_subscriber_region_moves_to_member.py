"""The member record owns a subscriber's region (issue 24): the region each linked
subscriber chose on the subscribe form becomes their member's, unless the member chose
one on My page, and leaves the subscriber. Unlinked (unconfirmed) subscribers keep
theirs until they confirm. Not reversible to the row: going back leaves regions with
the members."""

from django.db import migrations
from django.db.models import OuterRef, Subquery


def move_regions(apps, schema_editor):
    Subscriber = apps.get_model("newsletters", "Subscriber")
    Member = apps.get_model("network", "Member")
    linked = Subscriber.objects.filter(member__isnull=False, region__isnull=False)
    chosen = linked.filter(member=OuterRef("pk")).order_by("created_at").values("region")[:1]
    Member.objects.filter(region__isnull=True, pk__in=linked.values("member")).update(
        region=Subquery(chosen)
    )
    linked.update(region=None)


class Migration(migrations.Migration):
    dependencies = [
        ("newsletters", "0009_import_heartbeat"),
        ("network", "0009_translated_verbose_names"),
    ]

    operations = [migrations.RunPython(move_regions, migrations.RunPython.noop)]
