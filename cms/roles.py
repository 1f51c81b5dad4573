"""The ready-made groups communicators and event staff are given, in Finnish.

Created by a data migration (newsletters 0006) and described in docs/roles.md. The
table is data (permission names as strings), so `cms` names the other apps'
permissions without importing them. `apply_roles` takes an app registry so the
migration can pass its historical one and tests the live one.
"""

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

COMMUNICATORS = "Viestijät"
EVENT_STAFF = "Tapahtumavastaavat"

ROLES = {
    # Communicators: pages, images, documents, newsletters and their sending, the
    # moderation of participation-week submissions, and the participation survey (its
    # wording and its results, which hold no personal data).
    COMMUNICATORS: {
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
    # Event staff: registrations with their personal data (seeing, exporting, marking
    # attendance) and drafts of event pages; publishing stays with communicators.
    EVENT_STAFF: {
        "permissions": [
            "wagtailadmin.access_admin",
            "events.view_registration",
            "events.change_registration",
        ],
        "page_permissions": DRAFT_PAGE_PERMISSIONS,
        "collection_permissions": ["wagtailimages.choose_image", "wagtaildocs.choose_document"],
    },
}


# Wagtail's own Moderators group, where a site still has it, also moderates
# participation-week submissions.
EXISTING_GROUP_GRANTS = {"Moderators": ["events.view_submission", "events.change_submission"]}


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
