"""The ready-made groups communicators and event staff are given, in Finnish: what
each group holds today, described in docs/roles.md.

The groups are created by a data migration, `newsletters/migrations/
0008_ready_made_groups.py`, which keeps its own frozen copy of this table (a migration
must not change meaning when this file does). To change a role, change the table here
and add a migration that applies the difference; tests/newsletters/
test_admin_journeys.py compares the migrated groups with this table. The table is data
(permission names as strings), so `cms` names the other apps' permissions without
importing them.
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
