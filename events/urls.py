"""Public URLs of the events app, served under each language prefix."""

from django.urls import path

from events import my_page
from events.calendars import feeds
from events.participation_week import views as week
from events.registrations import views
from events.surveys import views as surveys

app_name = "events"
urlpatterns = [
    path("kalenteri/", feeds.feed_builder, name="feed_builder"),
    path("kalenteri/tapahtumat.ics", feeds.all_events_feed, name="feed"),
    path(
        "kalenteri/tyyppi/<slug:slug>.ics",
        feeds.one_filter_feed,
        {"name": "type"},
        name="event_type_feed",
    ),
    path(
        "kalenteri/alue/<slug:slug>.ics",
        feeds.one_filter_feed,
        {"name": "region"},
        name="region_feed",
    ),
    path(
        "kalenteri/teema/<slug:slug>.ics",
        feeds.one_filter_feed,
        {"name": "theme"},
        name="theme_feed",
    ),
    path("kalenteri/sarja/<int:page_id>.ics", feeds.series_feed, name="series_feed"),
    path(
        "kalenteri/osallisuusviikko/<int:page_id>.ics",
        feeds.participation_week_feed,
        name="participation_week_feed",
    ),
    path("kalenteri/tapahtuma/<int:page_id>.ics", feeds.event_ics, name="event_ics"),
    path("ilmoittaudu/<int:event_id>/", views.register, name="register"),
    path("ilmoittautuminen/valmis/<str:token>/", views.registered, name="registered"),
    path("ilmoittautuminen/<str:token>/", views.manage, name="manage"),
    # A participation week's submission form and the submitter's own page (signed link);
    # the addresses below the week's page that they had before redirect here.
    path("osallisuusviikko/<int:week_id>/ilmoita/", week.submit, name="week_submit"),
    path(
        "osallisuusviikko/<int:week_id>/ilmoita/kiitos/",
        week.submitted,
        name="week_submitted",
    ),
    path("osallisuusviikko/ilmoitus/<str:token>/", week.manage, name="week_submission"),
    path("kysely/kiitos/", surveys.thanks, name="survey_thanks"),
    path("kysely/tulokset/", surveys.published_results, name="survey_results"),
    path("kysely/<str:token>/", surveys.answer, name="survey"),
    path(
        "oma-sivu/ilmoittautuminen/<int:registration_id>/peru/",
        my_page.cancel,
        name="my_registration_cancel",
    ),
]
