"""The ready-made groups Viestijät and Tapahtumavastaavat (docs/roles.md).

In this app because it is the one that may depend on all the others whose
permissions the groups hold. On a fresh database Django creates permissions only
after every migration has run, so they are created here first.

The table is frozen here as it was when the migration was written, not imported from
cms.roles: a migration must mean the same on every database whenever it runs. A later
change to a role is a new migration that applies the difference (and cms/roles.py,
which describes the groups as they are now, is updated with it).
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

APPS_WITH_PERMISSIONS = (
    "wagtailadmin",
    "wagtailcore",
    "wagtailimages",
    "wagtaildocs",
    "events",
    "newsletters",
)

# Wagtail page permissions, given on the root page (so on the whole tree).
EDITOR_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"]
DRAFT_PAGE_PERMISSIONS = ["add_page", "change_page"]
MEDIA_PERMISSIONS = [
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.choose_image",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.choose_document",
]

ROLES = {
    "Viestijät": {
        "permissions": [
            "wagtailadmin.access_admin",
            "newsletters.view_send",
            "newsletters.add_send",
            "newsletters.view_mailinglist",
            "newsletters.add_mailinglist",
            "newsletters.change_mailinglist",
            "newsletters.view_subscriber",
            "newsletters.add_subscriber",
            "newsletters.change_subscriber",
            "newsletters.view_subscription",
            "newsletters.add_subscription",
            "newsletters.change_subscription",
            "events.view_submission",
            "events.change_submission",
            "events.view_surveyanswer",
            "events.view_surveystatement",
            "events.add_surveystatement",
            "events.change_surveystatement",
        ],
        "page_permissions": EDITOR_PAGE_PERMISSIONS,
        "collection_permissions": MEDIA_PERMISSIONS,
    },
    "Tapahtumavastaavat": {
        "permissions": [
            "wagtailadmin.access_admin",
            "events.view_registration",
            "events.change_registration",
        ],
        "page_permissions": DRAFT_PAGE_PERMISSIONS,
        "collection_permissions": ["wagtailimages.choose_image", "wagtaildocs.choose_document"],
    },
}

EXISTING_GROUP_GRANTS = {"Moderators": ["events.view_submission", "events.change_submission"]}


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


def apply_roles(apps):
    """Create the groups, or add what they lack; what an administrator has added to a
    group since is left as it is."""
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_page = Page.objects.filter(depth=1).first()
    root_collection = Collection.objects.filter(depth=1).first()
    for name, role in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*(_permission(apps, p) for p in role["permissions"]))
        for codename in role["page_permissions"] if root_page else []:
            GroupPagePermission.objects.get_or_create(
                group=group, page=root_page, permission=_permission(apps, f"wagtailcore.{codename}")
            )
        for dotted in role["collection_permissions"] if root_collection else []:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=_permission(apps, dotted)
            )
    for name, permissions in EXISTING_GROUP_GRANTS.items():
        for group in Group.objects.filter(name=name):
            group.permissions.add(*(_permission(apps, p) for p in permissions))


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
