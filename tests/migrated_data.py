"""What the migrations wrote into the fresh test database, kept so that a flush does not lose it.

A transactional test (and a browser module's shared site) ends with a flush, which empties
every table: Wagtail's root page, root collection, groups and moderation workflow, and the rows
this project's data migrations seed (helper questions, survey statements, the ready-made groups,
the workflow's Finnish name). Other tests read those rows. Rather than running the flushing
tests last, `take_snapshot()` serialises the database once, right after it is migrated, and
`restore()` loads it again at the end of every flush (on the flush's post_migrate signal), so the
database is as migrated again and the tests can run in any order, also in parallel."""

import io

from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core import serializers
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, connections, router, transaction
from django.db.models.signals import post_migrate

_snapshot = {}


def _models(connection):
    """Content types and permissions first: loading other rows may look them up."""
    models = [ContentType, Permission]
    for config in apps.get_app_configs():
        if config.models_module is None:
            continue
        models += [
            model
            for model in config.get_models()
            if model not in models
            and model._meta.can_migrate(connection)
            and router.allow_migrate_model(connection.alias, model)
            and not model._meta.proxy
        ]
    return models


def _objects(connection):
    for model in _models(connection):
        yield from (
            model._default_manager.using(connection.alias).order_by(model._meta.pk.name).iterator()
        )


def take_snapshot(using=DEFAULT_DB_ALIAS):
    """Serialise every row of the migrated database; after it, every flush restores them."""
    connection = connections[using]
    stream = io.StringIO()
    serializers.serialize("json", _objects(connection), stream=stream)
    _snapshot[using] = stream.getvalue()
    last_app = [config for config in apps.get_app_configs() if config.models_module][-1]
    post_migrate.connect(_restore_after_flush, sender=last_app, dispatch_uid="tests-restore")


def _restore_after_flush(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    """The flush emits post_migrate once per app; this runs after the last app's, when the
    content types and permissions are made again (with new primary keys)."""
    if using in _snapshot:
        restore(using)


def restore(using=DEFAULT_DB_ALIAS):
    """Load the snapshot into the flushed database: the content types and permissions that
    post_migrate has just made give way to the migrated ones, with their primary keys."""
    connection = connections[using]
    with transaction.atomic(using=using):
        Permission.objects.using(using).all().delete()
        ContentType.objects.using(using).all().delete()
        ContentType.objects.clear_cache()
        models = set()
        with connection.constraint_checks_disabled():
            for deserialized in serializers.deserialize(
                "json", _snapshot[using], using=using, handle_forward_references=True
            ):
                deserialized.save(using=using)
                models.add(type(deserialized.object))
        connection.check_constraints(table_names=sorted(m._meta.db_table for m in models))
        # A flush may have restarted the sequences (PostgreSQL): move them past the rows
        # loaded with their keys, as loaddata does.
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(statement)
    ContentType.objects.clear_cache()
