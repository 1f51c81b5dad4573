"""Which fields of an event page are facts of the event rather than words of one
translation. The page in the site's default language owns them (see
`EventPage.fact_owner`); the model and the editor form both read this list."""

# Every translation's save copies these from the owner page and the owner's save
# pushes them to every translation, so no path that saves a page can make them differ.
SHARED_FIELDS = (
    "event_type",
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
    "organiser",
    "language",
    "region",
    "registration_enabled",
    "registration_opens",
    "registration_closes",
    "capacity",
    "waiting_list_enabled",
    "reminder_hours",
)
SHARED_RELATIONS = ("themes", "projects")
