"""Demo participation week a couple of months ahead: 24 approved events from
organisations all over Finland and a few still waiting for moderation. Contacts are
fictional and use example.org addresses."""

import datetime

from django.utils import timezone

from cms.demo import demo_loader
from cms.factories import translate
from cms.models import Region
from events import factories
from events.demo_translations import WEEK
from events.factories import helsinki
from events.models import EventIndexPage, EventPage, EventType

# organiser | title | type | day of the week and hours | place ("verkossa" = online;
# "+ verkossa" = also online) | region | language when not Finnish
APPROVED = """
Varkauden kaupunki | Voset-kahvila: mitä osallisuus on arjessa? | kahvila | 0 9-11 | Kaupungintalo, Varkaus | pohjois-savo
Petosen Pömpeli ry | Avoimet ovet Petosen Pömpelissä | treffit | 0 12-15 | Petosen Pömpeli, Kuopio | pohjois-savo
Diakonia-ammattikorkeakoulu | Osallisuuden mittaaminen – webinaari | webinaari | 0 13-15 | verkossa | valtakunnallinen
KAKE-hanke | Kaupunkikävely: asukkaat kehittävät keskustaa | tyopaja | 0 16-18 | Kauppatori, Joensuu | pohjois-karjala
Kuopion kaupunki | OSSI: asukkaiden ideat palveluiksi | tyokokous | 0 14-16 | Kaupungintalo, Kuopio | pohjois-savo
Mikkelin seudun yhdistys ry | Oikeisiin töihin – kokemuksia | seminaari | 1 9-12 | Kirjasto, Mikkeli + verkossa | etela-savo
Itä-Suomen järjestöverkosto ry | Varikko: järjestöt osallisuuden tukena | webinaari | 1 10-11 | verkossa | pohjois-savo
Rikosseuraamuslaitos | Vankeusaika mahdollisuutena | webinaari | 1 13-15 | verkossa | valtakunnallinen
Oulun seudun työpajat ry | Työpajapäivä nuorille | tyopaja | 1 10-14 | Työpajakeskus, Oulu | pohjois-pohjanmaa
Jyväskylän kaupunki | Asukasraati: budjetti yhdessä | tyokokous | 1 17-19 | Kaupungintalo, Jyväskylä | keski-suomi
Föreningen Delaktighet rf | Delaktighet på svenska – samtalscafé | kahvila | 1 14-16 | Biblioteket, Vaasa | pohjanmaa | sv
Yhdistämö | Yhdistämön verkostotreffit | treffit | 2 9-11 | Järjestötalo, Tampere + verkossa | pirkanmaa
ITU-hanke | Digituki kaikille – avoin neuvontapäivä | tyopaja | 2 10-15 | Kirjasto Oodi, Helsinki | uusimaa
MERKE | Kokemusasiantuntijat äänessä | webinaari | 2 13-14 | verkossa | valtakunnallinen
Vamos | Nuorten oma ilta | treffit | 2 17-20 | Vamos-talo, Turku | varsinais-suomi
Back up! -hanke | Back up!: tukea työelämään palaamiseen | seminaari | 2 9-12 | Seminaaritalo, Lahti | hame
TAIDA | Taide osallisuuden tukena – työpaja | tyopaja | 2 14-16 | Taidekeskus, Pori | satakunta
Inclusion Network Finland | Inclusion in practice – a café in English | kahvila | 2 15-16 | verkossa | valtakunnallinen | en
Luonnollisesti-hanke | Luontoretki kaikille | treffit | 3 10-13 | Luontokeskus, Rovaniemi | lappi
TYSO | Osallistava budjetointi kunnissa | webinaari | 3 9-11 | verkossa | valtakunnallinen
Tenho-hanke | Tenhon tarinailta | kahvila | 3 18-20 | Kylätalo, Kajaani | kainuu
Etelä-Pohjanmaan järjestöt ry | Kylät elinvoimaisiksi yhdessä | seminaari | 3 12-15 | Kaupungintalo, Seinäjoki + verkossa | etela-pohjanmaa
Kotkan nuorisopalvelut | Palvelusafari nuorten vaikuttamisen välineenä | tyopaja | 3 9-12 | Nuorisotalo, Kotka | kaakkois-suomi
Sokra-koordinaatiohanke | Osallisuusviikon päätöswebinaari | webinaari | 3 14-16 | verkossa | valtakunnallinen
"""  # noqa: E501  (one event per line reads best as a table)
PENDING = """
Lapin kylät ry | Kyläkahvila etänä | kahvila | 1 10-11 | verkossa | lappi
Pirkanmaan nuoret ry | Nuorten vaikuttamispaja | tyopaja | 2 12-15 | Nuorisokeskus, Tampere | pirkanmaa
Satakunnan järjestöt | Järjestöjen yhteistyöaamu | tyokokous | 3 8-10 | Järjestötalo, Rauma | satakunta
"""  # noqa: E501
ASCII = str.maketrans("äöå", "aoa")
FIRST_NAMES = ["Aino", "Eero", "Liisa", "Juha", "Sanna", "Pekka", "Hanna", "Mikko", "Tiina"]
LAST_NAMES = ["Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Heikkinen", "Koskinen", "Laine"]


def week_start():
    """The Monday about ten weeks from today."""
    day = timezone.localdate() + datetime.timedelta(days=70)
    return day - datetime.timedelta(days=day.weekday())


def rows(table):
    for line in table.strip().splitlines():
        yield [part.strip() for part in line.split("|")]


def submission_facts(week, types, regions, number, row):
    """A submission's fields from a table row, with a fictional contact numbered `number`."""
    organiser, title, type_slug, when, place, region, *language = row
    day, hours = when.split()
    first_hour, last_hour = (int(hour) for hour in hours.split("-"))
    date = week.start_date + datetime.timedelta(days=int(day))
    first, last = FIRST_NAMES[number % 9], LAST_NAMES[number % 7]
    online = place.startswith("verkossa")
    venue, _, municipality = place.removesuffix(" + verkossa").rpartition(", ")
    if online:
        mode = EventPage.AttendanceMode.ONLINE
    elif place.endswith("+ verkossa"):
        mode = EventPage.AttendanceMode.MIXED
    else:
        mode = EventPage.AttendanceMode.ONSITE
    return {
        "organiser_name": organiser,
        "contact_name": f"{first} {last}",
        "contact_email": f"{first}.{last}.{number}@example.org".lower().translate(ASCII),
        "title": title,
        "description": f"{title}. Tervetuloa mukaan – tilaisuus on maksuton ja avoin kaikille.",
        "event_type": types[type_slug],
        "start": helsinki(date, first_hour),
        "end": helsinki(date, last_hour),
        "attendance_mode": mode,
        "venue_name": "" if online else venue,
        "municipality": "" if online else municipality,
        "region": regions[region],
        "language": language[0] if language else "fi",
        "accessibility_info": "Tekstitys käytössä." if online else "Esteetön sisäänkäynti.",
        "link": f"https://osallisuusviikko.example.org/tapahtumat/{number}",
    }


# After events.demo_content's loader (order 30), which adds the index and the event types;
# this module imports nothing of it (demo_content imports this one to register it).
@demo_loader(order=35)
def load(stdout):
    index = EventIndexPage.objects.filter(locale__language_code="fi").first()
    if index is None:
        return
    start = week_start()
    week = factories.participation_week(
        index,
        "osallisuusviikko",
        title=f"Osallisuusviikko {start.year}",
        start_date=start,
        end_date=start + datetime.timedelta(days=3),
        lead="Osallisuusviikolla kuka tahansa voi järjestää tapahtuman osallisuuden puolesta. "
        "Kokosimme koko Suomen tapahtumat yhteen ohjelmaan ja kalenteriin.",
    )
    for language, (slug, title, lead) in WEEK.items():
        title = title.format(year=week.start_date.year)
        translate(week, language, slug=slug, title=title, lead=lead)
    if week.submissions.exists():
        stdout.write("Participation week: ok (already there)")
        return
    types = {event_type.slug: event_type for event_type in EventType.objects.all()}
    regions = {region.slug: region for region in Region.objects.all()}
    for number, row in enumerate(rows(APPROVED)):
        factories.submission(
            week, approve=True, **submission_facts(week, types, regions, number, row)
        )
    for number, row in enumerate(rows(PENDING), start=100):
        factories.submission(week, **submission_facts(week, types, regions, number, row))
    stdout.write("Participation week with approved and pending submissions: ok")
