"""Demo events from the network's real programme (shared/CONTEXT.md), moved into the
coming months so they are upcoming whenever `make run` starts."""

import datetime

from django.utils import timezone

from wagtail.models import Site

from cms.demo import demo_loader
from cms.factories import ensure_child, place_after, translate, translated_page
from cms.models import Region, Theme
from events import factories
from events.demo_translations import ACCESSIBILITY, PAGES
from events.factories import helsinki
from events.models import EventIndexPage, EventPage, EventSeriesPage, RegistrationQuestion
from network.models import Organisation

EVENT_TYPES = [
    ("webinaari", "Webinaari", "Webbinarium", "Webinar"),
    ("kahvila", "Etäkahvila", "Distanskafé", "Online café"),
    ("tyopaja", "Työpaja", "Workshop", "Workshop"),
    ("tyokokous", "Työkokous", "Arbetsmöte", "Working meeting"),
    ("seminaari", "Seminaari", "Seminarium", "Seminar"),
    ("treffit", "Treffit", "Träff", "Meet-up"),
]

# (slug, title, days ahead): the café series' coming events, on Fridays.
CAFES = [
    (
        "digiosallisuus-kahvila",
        "Digiosallisuuden edistäminen – lupaavat käytännöt osallisuuden malleiksi",
        14,
    ),
    (
        "sosiaaliturva-kahvila",
        "Osallisuutta ja aktiivisuutta tukevat palvelut ja sosiaaliturva",
        42,
    ),
    ("tyollistymisen-tuki-kahvila", "Työllistymisen tuen osallisuutta edistävät käytännöt", 70),
]


Mode = EventPage.AttendanceMode
CAFE_LEAD = "Etäkahvilassa jaetaan kokemuksia ja lupaavia käytäntöjä rennosti verkossa."
COORDINATION = "Diakonia-ammattikorkeakoulu"

# The index's own events: (slug, day as (days ahead, weekday) or a date, hours, facts).
# `type` is an event type's slug, `region` a region's, `themes` theme slugs, and
# `organiser` is the coordination when true.
EVENTS = [
    (
        "kaikki-mukaan-webinaari",
        (21, 1),
        ((13, 0), (15, 0)),
        {
            "title": "Kaikki mukaan: kuinka heikoimmassa asemassa olevien vaikuttamista voi tukea",
            "lead": "Webinaarissa kuullaan, miten kokemusasiantuntijat ja järjestöt tukevat "
            "vaikuttamista.",
            "type": "webinaari",
            "attendance_mode": Mode.ONLINE,
            "online_platform": "Zoom",
            "online_join_url": "https://zoom.example.org/j/1234567890",
            "organiser": True,
            "region": "valtakunnallinen",
            "themes": ["kokemusasiantuntijuus", "kansalaisvaikuttaminen"],
            "registration_enabled": True,
            "capacity": 100,
            "questions": [
                {"label": "Mihin kysymykseen toivoisit webinaarissa vastausta?", "kind": "text"},
                {"label": "Haluatko tallenteen linkin sähköpostiisi?", "kind": "checkbox"},
            ],
        },
    ),
    (
        "osallisuus-pohjois-pohjanmaalla",
        (30, 1),
        ((9, 0), (12, 0)),
        {
            "title": "Osallisuus Pohjois-Pohjanmaalla – alueellinen verkostotapaaminen",
            "lead": "Alueen hankkeet kokoontuvat jakamaan kuulumisia ja suunnittelemaan "
            "yhteistyötä.",
            "type": "tyokokous",
            "attendance_mode": Mode.ONSITE,
            "venue_name": "Oulun kaupunginkirjasto, Pakkala-sali",
            "street_address": "Kaarlenväylä 3",
            "postal_code": "90100",
            "municipality": "Oulu",
            "region": "pohjois-pohjanmaa",
            "accessibility_info": "Esteetön sisäänkäynti ja induktiosilmukka.",
            "registration_enabled": True,
            "capacity": 3,
            "questions": [
                {
                    "label": "Lounas",
                    "kind": "choice",
                    "choices": "Sekaruoka\nKasvisruoka",
                    "required": True,
                }
            ],
        },
    ),
    (
        "osallistu-ja-osallista",
        datetime.date(2023, 5, 9),
        ((9, 0), (15, 0)),
        {
            "title": "Osallistu ja osallista! – koordinaatiohankkeen päätöstilaisuus",
            "lead": "Koordinaatiohankkeen päätöstilaisuudessa koottiin yhteen hankekauden opit.",
            "type": "seminaari",
            "attendance_mode": Mode.MIXED,
            "venue_name": "Tieteiden talo",
            "street_address": "Kirkkokatu 6",
            "postal_code": "00170",
            "municipality": "Helsinki",
            "online_platform": "YouTube",
            "recording_url": "https://video.example.org/osallistu-ja-osallista",
            "region": "valtakunnallinen",
        },
    ),
]
# A past café of the series, with its recording and who came.
PAST_CAFE = (
    "osallisuuden-mittaaminen-kahvila",
    (-60, 4),
    ((9, 30), (11, 0)),
    {
        "title": "Osallisuuden mittaaminen hankkeissa",
        "lead": "Kahvilassa tutustuttiin osallisuusindikaattoriin ja sen käyttöön hankkeissa.",
        "type": "kahvila",
        "attendance_mode": Mode.ONLINE,
        "online_platform": "Teams",
        "recording_url": "https://video.example.org/osallisuuden-mittaaminen",
        "organiser": True,
        "region": "uusimaa",
        "registration_enabled": True,
        "capacity": 30,
    },
)
INDEX = {
    "fi": {
        "slug": "tapahtumat",
        "title": "Tapahtumat",
        "lead": "Webinaareja, etäkahviloita ja työpajoja osallisuuden edistäjille.",
    },
    "sv": {"slug": "evenemang", "title": "Evenemang"},
    "en": {"slug": "events", "title": "Events"},
}
SERIES = {
    "slug": "etela-ja-lansi-suomen-kahvilat",
    "title": "Etelä- ja Länsi-Suomen kahvilat",
    "lead": "Kuukausittaiset etäkahvilat hanketyöntekijöille klo 9.30–11.00.",
}
DEMO_PEOPLE = [
    ("Aino Esimerkki", "aino.esimerkki@example.org", "Voset-hanke"),
    ("Eero Kuvitteellinen", "eero.kuvitteellinen@example.org", "Kuopion kaupunki"),
    ("Helmi Malli", "helmi.malli@example.org", "Diakonia-ammattikorkeakoulu"),
    ("Onni Testinen", "onni.testinen@example.org", "Petosen Pömpeli"),
]


def next_weekday(days_ahead, weekday):
    """A date about `days_ahead` from today that falls on `weekday` (0 = Monday)."""
    day = timezone.localdate() + datetime.timedelta(days=days_ahead)
    return day + datetime.timedelta(days=(weekday - day.weekday()) % 7)


def add_event(parent, row, types, regions):
    """The event page of a table row, its names looked up and its day worked out."""
    slug, day, (start, end), facts = row
    facts = dict(facts)
    if isinstance(day, tuple):
        day = next_weekday(*day)
    if facts.pop("organiser", False):
        facts["organiser"] = Organisation.objects.filter(name=COORDINATION).first()
    questions = facts.pop("questions", [])
    if questions:
        facts["registration_questions"] = [RegistrationQuestion(**q) for q in questions]
    return factories.event_page(
        parent,
        slug,
        event_type=types[facts.pop("type")],
        region=regions[facts.pop("region")],
        themes=Theme.objects.filter(slug__in=facts.pop("themes", [])),
        start=helsinki(day, *start),
        end=helsinki(day, *end),
        **facts,
    )


def cafe(slug, title, days_ahead):
    """A table row for one of the series' coming cafés."""
    facts = {
        "title": title,
        "lead": CAFE_LEAD,
        "type": "kahvila",
        "attendance_mode": Mode.ONLINE,
        "online_platform": "Teams",
        "online_join_url": "https://teams.example.org/l/meetup-join/kahvila-" + slug,
        "organiser": True,
        "region": "uusimaa",
        "registration_enabled": True,
        "capacity": 30,
    }
    return (slug, (days_ahead, 4), ((9, 30), (11, 0)), facts)


def translate_event(page):
    """The Swedish and English pages of a Finnish demo page, if it has words for them."""
    for language, (slug, title, lead) in PAGES.get(page.slug, {}).items():
        extra = {}
        if page.slug in ACCESSIBILITY:
            extra["accessibility_info"] = ACCESSIBILITY[page.slug][language]
        translate(page, language, slug=slug, title=title, lead=lead, **extra)


@demo_loader(order=30)
def load(stdout):
    types = factories.event_types(EVENT_TYPES)
    home = Site.objects.get(is_default_site=True).root_page.specific
    index = translated_page(home, EventIndexPage, INDEX, show_in_menus=True)
    place_after(index, "ajankohtaista")
    index.refresh_from_db()  # the move changed its path in the tree

    regions = {region.slug: region for region in Region.objects.all()}
    series = ensure_child(index, EventSeriesPage, **SERIES)
    for row in CAFES:
        add_event(series, cafe(*row), types, regions)
    events = {row[0]: add_event(index, row, types, regions) for row in EVENTS}
    past_cafe = add_event(series, PAST_CAFE, types, regions)
    # The series before its events, so their translations land under its translation.
    for page in [series, *EventPage.objects.descendant_of(index).order_by("path")]:
        translate_event(page)
    factories.registrations(
        events["osallisuus-pohjois-pohjanmaalla"], DEMO_PEOPLE, answers={"Lounas": "Kasvisruoka"}
    )
    factories.registrations(past_cafe, DEMO_PEOPLE[:3], attended=True)
    stdout.write("Events, the café series, a webinar and registrations: ok")


from events import demo_participation_week  # noqa: E402, F401  (registers its loader)
