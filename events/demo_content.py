"""Demo events from the network's real programme (shared/CONTEXT.md), moved into the
coming months so they are upcoming whenever `make run` starts."""

import datetime

from django.utils import timezone

from wagtail.models import Site

from cms.demo import demo_loader
from cms.factories import ensure_child, place_after
from cms.factories import translate as ensure_translation
from cms.models import Region, Theme
from events import demo_translations
from events.models import (
    EventIndexPage,
    EventPage,
    EventSeriesPage,
    EventType,
    Registration,
    RegistrationQuestion,
)
from network.models import Organisation

EVENT_TYPES = [
    ("webinaari", "Webinaari", "Webbinarium", "Webinar"),
    ("kahvila", "Etäkahvila", "Distanskafé", "Online café"),
    ("tyopaja", "Työpaja", "Workshop", "Workshop"),
    ("tyokokous", "Työkokous", "Arbetsmöte", "Working meeting"),
    ("seminaari", "Seminaari", "Seminarium", "Seminar"),
    ("treffit", "Treffit", "Träff", "Meet-up"),
]

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


def helsinki(day, hour, minute=0):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def next_weekday(days_ahead, weekday):
    """A date about `days_ahead` from today that falls on `weekday` (0 = Monday)."""
    day = timezone.localdate() + datetime.timedelta(days=days_ahead)
    return day + datetime.timedelta(days=(weekday - day.weekday()) % 7)


def ensure_event_types():
    for order, (slug, fi, sv, en) in enumerate(EVENT_TYPES):
        EventType.objects.get_or_create(
            slug=slug, defaults={"name_fi": fi, "name_sv": sv, "name_en": en, "sort_order": order}
        )
    return {event_type.slug: event_type for event_type in EventType.objects.all()}


def ensure_event(parent, slug, **fields):
    themes = fields.pop("themes", [])
    event = ensure_child(parent, EventPage, slug, **fields)
    if themes and not event.themes.exists():
        event.themes.set(themes)
        event.save_revision().publish()
    return event


@demo_loader(order=30)
def load(stdout):
    types = ensure_event_types()
    home = Site.objects.get(is_default_site=True).root_page.specific
    index = ensure_child(
        home,
        EventIndexPage,
        "tapahtumat",
        title="Tapahtumat",
        lead="Webinaareja, etäkahviloita ja työpajoja osallisuuden edistäjille.",
        show_in_menus=True,
    )
    ensure_translation(index, "sv", title="Evenemang", slug="evenemang")
    ensure_translation(index, "en", title="Events", slug="events")
    place_after(index, "ajankohtaista")
    index.refresh_from_db()  # the move changed its path in the tree

    regions = {region.slug: region for region in Region.objects.all()}
    coordination = Organisation.objects.filter(name="Diakonia-ammattikorkeakoulu").first()
    series = ensure_child(
        index,
        EventSeriesPage,
        "etela-ja-lansi-suomen-kahvilat",
        title="Etelä- ja Länsi-Suomen kahvilat",
        lead="Kuukausittaiset etäkahvilat hanketyöntekijöille klo 9.30–11.00.",
    )
    for slug, title, days_ahead in CAFES:
        day = next_weekday(days_ahead, weekday=4)
        ensure_event(
            series,
            slug,
            title=title,
            lead="Etäkahvilassa jaetaan kokemuksia ja lupaavia käytäntöjä rennosti verkossa.",
            event_type=types["kahvila"],
            start=helsinki(day, 9, 30),
            end=helsinki(day, 11),
            attendance_mode=EventPage.AttendanceMode.ONLINE,
            online_platform="Teams",
            online_join_url="https://teams.example.org/l/meetup-join/kahvila-" + slug,
            organiser=coordination,
            region=regions["uusimaa"],
            registration_enabled=True,
            capacity=30,
        )
    webinar_day = next_weekday(21, weekday=1)
    ensure_event(
        index,
        "kaikki-mukaan-webinaari",
        title="Kaikki mukaan: kuinka heikoimmassa asemassa olevien vaikuttamista voi tukea",
        lead="Webinaarissa kuullaan, miten kokemusasiantuntijat ja järjestöt tukevat "
        "vaikuttamista.",
        event_type=types["webinaari"],
        start=helsinki(webinar_day, 13),
        end=helsinki(webinar_day, 15),
        attendance_mode=EventPage.AttendanceMode.ONLINE,
        online_platform="Zoom",
        online_join_url="https://zoom.example.org/j/1234567890",
        organiser=coordination,
        region=regions["valtakunnallinen"],
        themes=Theme.objects.filter(slug__in=["kokemusasiantuntijuus", "kansalaisvaikuttaminen"]),
        registration_enabled=True,
        capacity=100,
        registration_questions=[
            RegistrationQuestion(
                label="Mihin kysymykseen toivoisit webinaarissa vastausta?", kind="text"
            ),
            RegistrationQuestion(
                label="Haluatko tallenteen linkin sähköpostiisi?", kind="checkbox"
            ),
        ],
    )
    meeting_day = next_weekday(30, weekday=1)
    meeting = ensure_event(
        index,
        "osallisuus-pohjois-pohjanmaalla",
        title="Osallisuus Pohjois-Pohjanmaalla – alueellinen verkostotapaaminen",
        lead="Alueen hankkeet kokoontuvat jakamaan kuulumisia ja suunnittelemaan yhteistyötä.",
        event_type=types["tyokokous"],
        start=helsinki(meeting_day, 9),
        end=helsinki(meeting_day, 12),
        attendance_mode=EventPage.AttendanceMode.ONSITE,
        venue_name="Oulun kaupunginkirjasto, Pakkala-sali",
        street_address="Kaarlenväylä 3",
        postal_code="90100",
        municipality="Oulu",
        region=regions["pohjois-pohjanmaa"],
        accessibility_info="Esteetön sisäänkäynti ja induktiosilmukka.",
        registration_enabled=True,
        capacity=3,
        registration_questions=[
            RegistrationQuestion(
                label="Lounas", kind="choice", choices="Sekaruoka\nKasvisruoka", required=True
            )
        ],
    )
    ensure_event(
        index,
        "osallistu-ja-osallista",
        title="Osallistu ja osallista! – koordinaatiohankkeen päätöstilaisuus",
        lead="Koordinaatiohankkeen päätöstilaisuudessa koottiin yhteen hankekauden opit.",
        event_type=types["seminaari"],
        start=helsinki(datetime.date(2023, 5, 9), 9),
        end=helsinki(datetime.date(2023, 5, 9), 15),
        attendance_mode=EventPage.AttendanceMode.MIXED,
        venue_name="Tieteiden talo",
        street_address="Kirkkokatu 6",
        postal_code="00170",
        municipality="Helsinki",
        online_platform="YouTube",
        recording_url="https://video.example.org/osallistu-ja-osallista",
        region=regions["valtakunnallinen"],
    )
    past_cafe_day = next_weekday(-60, weekday=4)
    past_cafe = ensure_event(
        series,
        "osallisuuden-mittaaminen-kahvila",
        title="Osallisuuden mittaaminen hankkeissa",
        lead="Kahvilassa tutustuttiin osallisuusindikaattoriin ja sen käyttöön hankkeissa.",
        event_type=types["kahvila"],
        start=helsinki(past_cafe_day, 9, 30),
        end=helsinki(past_cafe_day, 11),
        attendance_mode=EventPage.AttendanceMode.ONLINE,
        online_platform="Teams",
        recording_url="https://video.example.org/osallisuuden-mittaaminen",
        organiser=coordination,
        region=regions["uusimaa"],
        registration_enabled=True,
        capacity=30,
    )
    # The series before its events, so their translations land under its translation.
    for page in [series, *EventPage.objects.descendant_of(index).order_by("path")]:
        demo_translations.translate(page)
    ensure_registrations(meeting, DEMO_PEOPLE, answers={"Lounas": "Kasvisruoka"})
    ensure_registrations(past_cafe, DEMO_PEOPLE[:3], attended=True)
    stdout.write("Events, the café series, a webinar and registrations: ok")


DEMO_PEOPLE = [
    ("Aino Esimerkki", "aino.esimerkki@example.org", "Voset-hanke"),
    ("Eero Kuvitteellinen", "eero.kuvitteellinen@example.org", "Kuopion kaupunki"),
    ("Helmi Malli", "helmi.malli@example.org", "Diakonia-ammattikorkeakoulu"),
    ("Onni Testinen", "onni.testinen@example.org", "Petosen Pömpeli"),
]


def ensure_registrations(event, people, *, answers=None, attended=False):
    """Fictional registrants of the event page `event` (on its record, so every language
    counts them): the first fill the seats, the rest wait. Only once per event."""
    if Registration.objects.filter(event_id=event.event_id).exists():
        return
    questions = {q.label: str(q.key) for q in event.registration_questions.all()}
    for number, (name, email, organisation) in enumerate(people):
        full = event.capacity is not None and number >= event.capacity
        Registration.objects.create(
            event=event.record,
            language=event.locale.language_code,
            name=name,
            email=email,
            organisation=organisation,
            status=Registration.Status.WAITING if full else Registration.Status.CONFIRMED,
            attended=attended,
            answers={questions[label]: value for label, value in (answers or {}).items()},
            consent_version="demo",
            created_at=event.start - datetime.timedelta(days=14 - number),
        )


from events import demo_participation_week  # noqa: E402, F401  (registers its loader)
