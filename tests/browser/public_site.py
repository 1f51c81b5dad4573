"""One small site with every public page type in Finnish, Swedish and English, and a
live server on it that a whole test module shares (building it per test would make the
sweep of ~100 page views several times slower).

`shared_site` is used from a module-scoped fixture: it unblocks the database for the
module, builds the pages (committed, so the server's own connection sees them on
PostgreSQL too), starts pytest-django's live server helper, and flushes the database
afterwards as a transactional test would. The module's tests are marked `django_db`
(not transactional), which both makes pytest-django create the test database and keeps
the shared site: each test's own writes are rolled back, the site is not flushed."""

import contextlib
import datetime
import os
from pathlib import Path

from django.conf import settings
from django.core import signing
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.models import Locale

from pytest_django.live_server_helper import LiveServer

from cms.demo.accessibility import ACCESSIBILITY
from cms.demo_content import body_of
from cms.factories import make_site, translate
from cms.models import Region
from events.models import (
    EventPage,
    SurveyAnswer,
    SurveyInvitation,
    SurveyRating,
    SurveyVersion,
)
from events.registrations.views import DONE_SALT
from events.surveys.links import survey_url
from tests.cms.factories import (
    NewsIndexPageFactory,
    NewsPageFactory,
    ResearchIndexPageFactory,
    ResearchItemFactory,
    ResearchMessagePageFactory,
    publish,
)
from tests.events.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    EventSeriesPageFactory,
    EventTypeFactory,
    ParticipationWeekPageFactory,
    RegistrationFactory,
)
from tests.factories import StandardPageFactory
from tests.network.factories import ProjectDirectoryPageFactory, ProjectFactory
from tests.newsletters.factories import MailingListFactory, NewsletterIndexPageFactory

LANGUAGES = ("fi", "sv", "en")
WIDTHS = (1280, 375)
SCREENSHOT_DIR = Path(
    os.environ.get("SCREENSHOT_DIR") or Path(settings.BASE_DIR) / "var" / "screenshots"
)
# Per language: titles of the pages the menu shows; other pages get "<title> (sv)".
WORDS = {
    "sv": {
        "home": "Delaktighet för alla",
        "news index": "Aktuellt",
        "research index": "Forskningsmeddelanden",
        "event index": "Evenemang",
    },
    "en": {
        "home": "Inclusion for all",
        "news index": "News",
        "research index": "Research messages",
        "event index": "Events",
    },
}


@contextlib.contextmanager
def shared_site(django_db_blocker, build=None):
    """Build a site with `build()` (by default every public page type, `build_site`), serve
    it, yield (server URL, what `build` returned), then flush (which restores what the
    migrations wrote: tests.migrated_data). Any browser module can share one site and
    server this way; on SQLite the server shares the test's connection, so each test's
    writes through it are rolled back, on PostgreSQL they stay until the module ends."""
    with django_db_blocker.unblock():
        try:
            built = (build or build_site)()
            server = LiveServer("localhost")
            try:
                yield server.url, built
            finally:
                server.stop()
        finally:
            call_command("flush", interactive=False, verbosity=0)


def build_site():
    """Every public page type, translated; returns {page type: {language: path}}."""
    home = make_site()
    pages = {"home": home, **content_pages(home), **event_pages(home), **directory(home)}
    MailingListFactory(name="Osallisuutta päätöksiin")
    for language in ("sv", "en"):
        translate_tree(pages, language)
    addresses = {
        name: {language: localized(page, language).url for language in LANGUAGES}
        for name, page in pages.items()
        if name != "project"
    }
    project = pages["project"]
    addresses["project"] = {
        language: localized(pages["project directory"], language).url + project.slug + "/"
        for language in LANGUAGES
    }
    registration = RegistrationFactory(event=pages["event page"])
    token = signing.dumps(registration.pk, salt=DONE_SALT)
    survey = survey_invitation(registration, pages["event page"])
    for language in LANGUAGES:
        with translation.override(language):
            addresses.setdefault("subscribe", {})[language] = reverse("newsletters:subscribe")
            addresses.setdefault("subscribe thanks", {})[language] = reverse(
                "newsletters:subscribe_thanks"
            )
            addresses.setdefault("calendar builder", {})[language] = reverse("events:feed_builder")
            addresses.setdefault("search results", {})[language] = (
                reverse("search") + "?q=osallisuus"
            )
            addresses.setdefault("registration thanks", {})[language] = reverse(
                "events:registered", args=[token]
            )
            addresses.setdefault("survey", {})[language] = survey_url(
                survey, language
            ).removeprefix(settings.BASE_URL)
            addresses.setdefault("survey results", {})[language] = reverse("events:survey_results")
            addresses.setdefault("reflection sheet", {})[language] = reverse(
                "network:reflection_sheet"
            )
            addresses.setdefault("tools", {})[language] = reverse("tools")
        week = localized(pages["programme"], language)
        addresses.setdefault("submission thanks", {})[language] = week.url + week.reverse_subpage(
            "submitted"
        )
        addresses.setdefault("submission form", {})[language] = week.submit_url
    return addresses


def survey_invitation(registration, event):
    """An open survey link, and five answers so the results page draws its chart."""
    version = SurveyVersion.current()
    for _n in range(5):
        answer = SurveyAnswer.objects.create(event=event.event, version=version, indicator=4)
        SurveyRating.objects.bulk_create(
            SurveyRating(answer=answer, statement=item["id"], value=4)
            for item in version.statements
        )
    return SurveyInvitation.objects.create(
        registration=registration, event=event.event, version=version
    )


def localized(page, language):
    return page.get_translation(Locale.objects.get(language_code=language))


def content_pages(home):
    news_index = NewsIndexPageFactory(parent=home, show_in_menus=True)
    article = NewsPageFactory(
        parent=news_index, title="Osallisuusviikkoa vietetään helmikuussa", lead="Ohjelma."
    )
    NewsPageFactory(parent=news_index, title="Osallisuus on vahva teema ESR+-ohjelmassa")
    research_index = ResearchIndexPageFactory(parent=home, show_in_menus=True)
    message = ResearchMessagePageFactory.build(title="Tutkimusviesti syyskuu 2026")
    message.research_items.add(ResearchItemFactory.build())
    research_index.add_child(instance=message)
    publish(message)
    title, lead, *body = ACCESSIBILITY["fi"]
    statement = StandardPageFactory(
        parent=home, title=title, slug="saavutettavuusseloste", lead=lead, body=body_of(body)
    )
    NewsletterIndexPageFactory(parent=home, show_in_menus=True)
    return {
        "news index": news_index,
        "news page": article,
        "research index": research_index,
        "research message": message,
        "standard page": statement,
    }


def event_pages(home):
    index = EventIndexPageFactory(parent=home, show_in_menus=True)
    webinar = EventTypeFactory(slug="webinaari")
    region = Region.objects.create(
        slug="pohjois-savo", name_fi="Pohjois-Savo", name_sv="Norra Savolax", name_en="North Savo"
    )
    soon = timezone.now().replace(microsecond=0) + datetime.timedelta(days=7)
    event = EventPageFactory(
        parent=index,
        title="Kaikki mukaan: heikoimmassa asemassa olevien vaikuttaminen",
        event_type=webinar,
        start=soon,
        end=soon + datetime.timedelta(hours=2),
        registration_enabled=True,
        capacity=30,
        region=region,
    )
    publish(event)
    series = EventSeriesPageFactory(parent=index)
    EventPageFactory(parent=series, title="Digiosallisuus-kahvila", event_type=webinar)
    week = ParticipationWeekPageFactory(parent=index)
    first_day = datetime.datetime.combine(week.start_date, datetime.time(10), datetime.UTC)
    for day, title in enumerate(("Kaupunkikävely Kuopiossa", "Avoimet ovet Pömpelissä")):
        start = first_day + datetime.timedelta(days=day)
        EventPageFactory(
            parent=week,
            title=title,
            event_type=webinar,
            start=start,
            end=start + datetime.timedelta(hours=2),
            attendance_mode=EventPage.AttendanceMode.ONSITE,
            municipality="Kuopio",
            region=region,
        )
    return {"event index": index, "event page": event, "event series": series, "programme": week}


def directory(home):
    page = ProjectDirectoryPageFactory(parent=home, show_in_menus=True)
    project = ProjectFactory(name="Petosen Pömpeli", slug="petosen-pompeli")
    return {"project directory": page, "project": project}


def translate_tree(pages, language):
    """Translate the pages top-down, each with its own title and slug."""
    words = WORDS[language]
    translate(pages["home"], language, title=words["home"], slug=language)
    for name, page in pages.items():
        if name in ("home", "project"):
            continue
        title = words.get(name, f"{page.title} ({language})")
        translate(page, language, title=title, slug=f"{page.slug}-{language}")
        if name in ("programme", "event series"):  # their events, so the lists have some
            for child in page.get_children().specific():
                translate(child, language, title=f"{child.title} ({language})")
