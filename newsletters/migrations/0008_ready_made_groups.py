"""The ready-made groups Viestijät and Tapahtumavastaavat (cms.roles, docs/roles.md).

In this app because it is the one that may depend on all the others whose
permissions the groups hold. On a fresh database Django creates permissions only
after every migration has run, so they are created here first.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from cms.roles import apply_roles

APPS_WITH_PERMISSIONS = (
    "wagtailadmin",
    "wagtailcore",
    "wagtailimages",
    "wagtaildocs",
    "events",
    "newsletters",
)


# Wagtail's own migrations add these by hand; they are missing from the historical
# models when the site uses its own image model.
CHOOSE_PERMISSIONS = (
    ("wagtailimages", "image", "choose_image", "Can choose image"),
    ("wagtaildocs", "document", "choose_document", "Can choose document"),
)


def create_groups(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for label in APPS_WITH_PERMISSIONS:
        config = apps.get_app_config(label)
        # Historical app configs have no models module; create_permissions skips
        # such apps unless told otherwise.
        config.models_module = True
        create_permissions(config, apps=apps, verbosity=0)
        config.models_module = None
    for app_label, model, codename, name in CHOOSE_PERMISSIONS:
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": name}
        )
    apply_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("newsletters", "0007_translated_verbose_names"),
        ("events", "0011_translated_verbose_names"),
        ("cms", "0006_scheduled_job_run"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]
