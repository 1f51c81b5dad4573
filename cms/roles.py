"""The ready-made groups communicators, event staff and regional coordinators are
given, in Finnish: what each group holds today, described in docs/roles.md.

The groups are created by data migrations, `newsletters/migrations/
0008_ready_made_groups.py` and (coordinators) `network/migrations/
0011_coordinator_group.py`, which keep their own frozen copies of this table (a
migration must not change meaning when this file does). To change a role, change the table here
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
COORDINATORS = "Aluekoordinaattorit"

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
    # Regional coordinators: the helper-question assessments projects of their region
    # share (which region is theirs comes from their contact card, cms.Person), keeping
    # their region's project cards, organisations and practice models current, and
    # drafts of pages (regional cafés, news); no members' or registrants' personal
    # data, no newsletters, no publishing, no deleting, no directory import.
    COORDINATORS: {
        "permissions": [
            "wagtailadmin.access_admin",
            "network.view_shared_assessment",
            "network.view_project",
            "network.change_project",
            "network.view_organisation",
            "network.change_organisation",
            "network.view_practicemodel",
            "network.add_practicemodel",
            "network.change_practicemodel",
        ],
        "page_permissions": DRAFT_PAGE_PERMISSIONS,
        "collection_permissions": ["wagtailimages.choose_image", "wagtaildocs.choose_document"],
    },
}


# Wagtail's own Moderators group, where a site still has it, also moderates
# participation-week submissions.
EXISTING_GROUP_GRANTS = {"Moderators": ["events.view_submission", "events.change_submission"]}
