"""The ready-made group Aluekoordinaattorit, regional coordinators (docs/roles.md).

The table is frozen here as it was when the migration was written, not imported from
cms.roles: a migration must mean the same on every database whenever it runs. On a
fresh database Django creates permissions only after every migration has run, so they
are created here first (as newsletters/0008 does for the other groups).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

APPS_WITH_PERMISSIONS = ("wagtailadmin", "wagtailcore", "wagtailimages", "wagtaildocs", "network")

NAME = "Aluekoordinaattorit"
PERMISSIONS = [
    "wagtailadmin.access_admin",
    "network.view_shared_assessment",
    "network.view_project",
    "network.change_project",
    "network.view_organisation",
    "network.change_organisation",
    "network.view_practicemodel",
    "network.add_practicemodel",
    "network.change_practicemodel",
]
# Wagtail page permissions, given on the root page (so on the whole tree): drafts only.
PAGE_PERMISSIONS = ["add_page", "change_page"]
COLLECTION_PERMISSIONS = ["wagtailimages.choose_image", "wagtaildocs.choose_document"]

# Wagtail's own migrations add these by hand; they are missing from the historical
# models when the site uses its own image model.
CHOOSE_PERMISSIONS = (
    ("wagtailimages", "image", "choose_image", "Can choose image"),
    ("wagtaildocs", "document", "choose_document", "Can choose document"),
)


def _permission(apps, dotted):
    app_label, codename = dotted.split(".")
    Permission = apps.get_model("auth", "Permission")
    try:
        return Permission.objects.get(content_type__app_label=app_label, codename=codename)
    except Permission.DoesNotExist:
        raise LookupError(f"No permission {dotted}") from None


def _create_permissions(apps):
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


def create_group(apps, schema_editor):
    """Create the group, or add what it lacks; what an administrator has added since
    is left as it is."""
    _create_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    group, _ = Group.objects.get_or_create(name=NAME)
    group.permissions.add(*(_permission(apps, p) for p in PERMISSIONS))
    root_page = Page.objects.filter(depth=1).first()
    for codename in PAGE_PERMISSIONS if root_page else []:
        GroupPagePermission.objects.get_or_create(
            group=group, page=root_page, permission=_permission(apps, f"wagtailcore.{codename}")
        )
    root_collection = Collection.objects.filter(depth=1).first()
    for dotted in COLLECTION_PERMISSIONS if root_collection else []:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root_collection, permission=_permission(apps, dotted)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("network", "0010_member_projects_chooser"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_group, migrations.RunPython.noop)]
