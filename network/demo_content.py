"""Demo directory: the organisations, projects and practice models named in the network's
own material (shared/CONTEXT.md and the seed decks), filled out with fictional but
plausible projects to about sixty, and the directory pages in three languages."""

import random

from cms.demo import demo_loader
from cms.factories import place_after, translated_page
from cms.models import HomePage, Region
from network import factories
from network.models import Organisation, PracticeModelIndexPage, Project, ProjectDirectoryPage

Kind = Organisation.Kind
ESF = Project.Programme.ESF_2014_2020
ESF_PLUS = Project.Programme.ESR_PLUS_2021_2027

ORGANISATIONS = [
    ("Varkauden kaupunki", Kind.MUNICIPALITY, "Varkaus", "pohjois-savo"),
    ("Kuopion kaupunki", Kind.MUNICIPALITY, "Kuopio", "pohjois-savo"),
    ("Joensuun kaupunki", Kind.MUNICIPALITY, "Joensuu", "pohjois-karjala"),
    ("Mikkelin seudun yhdistys ry", Kind.NGO, "Mikkeli", "etela-savo"),
    ("Itä-Suomen järjestöverkosto ry", Kind.NGO, "Kuopio", "pohjois-savo"),
    ("Rikosseuraamuslaitos", Kind.STATE, "Helsinki", "valtakunnallinen"),
    ("Diakonia-ammattikorkeakoulu", Kind.EDUCATION, "Helsinki", "helsinki"),
    ("Oulun seudun työpajat ry", Kind.NGO, "Oulu", "pohjois-pohjanmaa"),
    ("Jyväskylän kaupunki", Kind.MUNICIPALITY, "Jyväskylä", "keski-suomi"),
    ("Pohjois-Savon hyvinvointialue", Kind.WELLBEING_COUNTY, "Kuopio", "pohjois-savo"),
    ("Tampereen kaupunki", Kind.MUNICIPALITY, "Tampere", "pirkanmaa"),
    ("Turun kaupunki", Kind.MUNICIPALITY, "Turku", "varsinais-suomi"),
    ("Lapin yliopisto", Kind.EDUCATION, "Rovaniemi", "lappi"),
    ("Kainuun hyvinvointialue", Kind.WELLBEING_COUNTY, "Kajaani", "kainuu"),
    ("Oulun seurakuntayhtymä", Kind.PARISH, "Oulu", "pohjois-pohjanmaa"),
    ("Sininauhaliitto ry", Kind.NGO, "Helsinki", "helsinki"),
    ("Vaasan kaupunki", Kind.MUNICIPALITY, "Vaasa", "pohjanmaa"),
    ("Seinäjoen ammattikorkeakoulu", Kind.EDUCATION, "Seinäjoki", "etela-pohjanmaa"),
    ("Lahden diakoniasäätiö sr", Kind.NGO, "Lahti", "paijat-hame"),
    ("Kotkan kaupunki", Kind.MUNICIPALITY, "Kotka", "kymenlaakso"),
    ("Porin kaupunki", Kind.MUNICIPALITY, "Pori", "satakunta"),
    ("Hämeenlinnan kaupunki", Kind.MUNICIPALITY, "Hämeenlinna", "kanta-hame"),
    ("Vantaan kaupunki", Kind.MUNICIPALITY, "Vantaa", "vantaa-kerava"),
    ("Espoon kaupunki", Kind.MUNICIPALITY, "Espoo", "lansi-uusimaa"),
    ("Lappeenrannan kaupunki", Kind.MUNICIPALITY, "Lappeenranta", "etela-karjala"),
    ("Kokkolan kaupunki", Kind.MUNICIPALITY, "Kokkola", "keski-pohjanmaa"),
    ("Osuuskunta Työtä yhdessä", Kind.COMPANY, "Jyväskylä", "keski-suomi"),
]

# name, short name, implementer, partners, regions, programme, start, end, target groups,
# themes, summary: the projects the seeds name, their details filled in where they are silent.
PROJECTS = [
    (
        "Voset – Varkauden osallisuutta ja työtä",
        "Voset",
        "Varkauden kaupunki",
        ["Itä-Suomen järjestöverkosto ry"],
        ["pohjois-savo"],
        ESF,
        (2019, 2022),
        ["tyottomat"],
        ["tyollistymisen-tuki", "ansaintamahdollisuudet"],
        "Voset vei ryhmätyöllistämisen Varkauden kyliin: työttömät saivat työtä ja "
        "vertaistukea, kyläyhdistykset tekijöitä.",
    ),
    (
        "Petosen Pömpeli",
        "",
        "Kuopion kaupunki",
        [],
        ["pohjois-savo"],
        ESF,
        (2018, 2021),
        ["nuoret"],
        ["kansalaisvaikuttaminen", "luovat-menetelmat"],
        "Petosen Pömpeli on nuorten olohuone ja vaikuttamisen paikka Kuopion Petosella.",
    ),
    (
        "OSSI – Osallisuutta sosiaaliseen kuntoutukseen",
        "OSSI",
        "Kuopion kaupunki",
        ["Pohjois-Savon hyvinvointialue"],
        ["pohjois-savo"],
        ESF,
        (2019, 2023),
        ["tyottomat", "osatyokykyiset"],
        ["kokemusasiantuntijuus", "kansalaisvaikuttaminen"],
        "OSSI kehitti sosiaalista kuntoutusta yhdessä kokemustoimijoiden kanssa.",
    ),
    (
        "KAKE – kansalaislähtöinen keskustan kehittäminen",
        "KAKE",
        "Joensuun kaupunki",
        [],
        ["pohjois-karjala"],
        ESF,
        (2020, 2023),
        ["syrjintaa-kokevat"],
        ["kansalaisvaikuttaminen", "osallistava-hallinto"],
        "Joensuun keskustaa kehitettiin asukkaiden, myös heikoimmassa asemassa olevien, kanssa.",
    ),
    (
        "Oikeisiin töihin oppimisvaikeudesta huolimatta!",
        "",
        "Mikkelin seudun yhdistys ry",
        [],
        ["etela-savo"],
        ESF,
        (2019, 2022),
        ["osatyokykyiset"],
        ["luovat-menetelmat", "tyollistymisen-tuki"],
        "Hanke tuki oppimisvaikeuksista kärsiviä aikuisia kohti palkkatyötä.",
    ),
    (
        "Varikko",
        "",
        "Itä-Suomen järjestöverkosto ry",
        ["Pohjois-Savon hyvinvointialue"],
        ["ita-ja-pohjois-suomi"],
        ESF,
        (2020, 2023),
        ["tyottomat"],
        ["osallistava-hallinto", "kokemusasiantuntijuus"],
        "Varikko toi kokemusasiantuntijat terveydenhuollon kiertäviin kokouksiin.",
    ),
    (
        "Vankeusaika mahdollisuutena",
        "",
        "Rikosseuraamuslaitos",
        ["Sininauhaliitto ry"],
        ["valtakunnallinen"],
        ESF,
        (2019, 2022),
        ["syrjintaa-kokevat"],
        ["verkostotyo"],
        "Vankeusaikaa käytettiin osallisuuden ja luottamuksen rakentamiseen.",
    ),
    (
        "Yhdistämö",
        "",
        "Oulun seudun työpajat ry",
        ["Oulun seurakuntayhtymä"],
        ["pohjois-pohjanmaa"],
        ESF_PLUS,
        (2022, 2026),
        ["nuoret"],
        ["verkostotyo", "aktivointi"],
        "Yhdistämö kokoaa järjestöt ja nuoret yhteiseen toimintaan Oulun seudulla.",
    ),
    (
        "ITU – Itsenäistymisen tuki",
        "ITU",
        "Espoon kaupunki",
        [],
        ["lansi-uusimaa"],
        ESF,
        (2018, 2021),
        ["nuoret"],
        ["aktivointi"],
        "ITU tuki nuoria itsenäiseen elämään ja arjen taitoihin.",
    ),
    (
        "MERKE – Merkityksellistä elämää",
        "MERKE",
        "Turun kaupunki",
        [],
        ["varsinais-suomi"],
        ESF,
        (2019, 2022),
        ["tyottomat"],
        ["luovat-menetelmat"],
        "MERKE etsi pitkään työttöminä olleiden kanssa merkityksellistä tekemistä.",
    ),
    (
        "Vamos",
        "",
        "Sininauhaliitto ry",
        [],
        ["helsinki"],
        ESF_PLUS,
        (2021, 2025),
        ["nuoret"],
        ["aktivointi", "tyollistymisen-tuki"],
        "Vamos tarjoaa nuorille valmennusta opintoihin ja työhön.",
    ),
    (
        "Back up!",
        "",
        "Vantaan kaupunki",
        [],
        ["vantaa-kerava"],
        ESF,
        (2017, 2020),
        ["nuoret", "syrjintaa-kokevat"],
        ["verkostotyo"],
        "Back up! tuki nuoria, joilla on takanaan rikoksia tai päihteitä.",
    ),
    (
        "TAIDA – Taide ja kulttuuri ikääntyvien arjessa",
        "TAIDA",
        "Jyväskylän kaupunki",
        [],
        ["keski-suomi"],
        ESF_PLUS,
        (2022, 2027),
        ["ikaantyvat"],
        ["luovat-menetelmat"],
        "TAIDA tuo taidetta ja kulttuuria ikääntyvien työttömien arkeen.",
    ),
    (
        "Luonnollisesti",
        "",
        "Lapin yliopisto",
        ["Kainuun hyvinvointialue"],
        ["lappi", "kainuu"],
        ESF,
        (2019, 2022),
        ["osatyokykyiset"],
        ["luovat-menetelmat", "aktivointi"],
        "Luontolähtöiset menetelmät vahvistivat osallisuutta Lapissa ja Kainuussa.",
    ),
    (
        "TYSO – työpaja ja osallisuus",
        "TYSO",
        "Oulun seudun työpajat ry",
        [],
        ["pohjois-pohjanmaa"],
        ESF,
        (2018, 2021),
        ["nuoret", "tyottomat"],
        ["tyollistymisen-tuki"],
        "TYSO kehitti työpajoista osallisuuden paikkoja.",
    ),
    (
        "Tenho",
        "",
        "Diakonia-ammattikorkeakoulu",
        ["Oulun seurakuntayhtymä", "Tampereen kaupunki"],
        ["helsinki", "pohjois-pohjanmaa", "kainuu", "pirkanmaa"],
        ESF_PLUS,
        (2023, 2027),
        ["tyottomat", "osatyokykyiset"],
        ["luovat-menetelmat", "kokemusasiantuntijuus"],
        "Tenho kehittää mokaamalla oppimisen toimintamallia Oulussa, Kajaanissa, "
        "Helsingissä ja Tampereella.",
    ),
]

# Fictional projects that fill the directory out: (name word, focus, summary ending).
FILL_NAMES = [
    ("Arjen polku", "arjen taitoja"),
    ("Yhdessä eteenpäin", "vertaistukea"),
    ("Kylätalo", "kylien yhteisöllisyyttä"),
    ("Polku töihin", "työllistymistä"),
    ("Osallisuuden olohuone", "kohtaamispaikkoja"),
    ("Digiapu", "digitaitoja"),
    ("Luova verstas", "luovia menetelmiä"),
    ("Vertaisvoima", "vertaistoimintaa"),
    ("Kotona kaupungissa", "asumisen tukea"),
    ("Ääni kuuluviin", "asukkaiden vaikuttamista"),
    ("Askel kerrallaan", "kuntoutumista"),
    ("Yhteinen pöytä", "ruoka-apua ja yhteisöllisyyttä"),
    ("Taitopaja", "osaamisen tunnistamista"),
    ("Lähiöt liikkeelle", "lähiöiden yhteisöllisyyttä"),
    ("Silta", "palveluiden yhteistyötä"),
    ("Kohtaamo", "ohjausta ja neuvontaa"),
    ("Voimaa luonnosta", "luontolähtöisiä menetelmiä"),
    ("Mukana", "harrastuksia"),
    ("Uusi alku", "vapautuvien tukea"),
    ("Reitti", "koulutukseen ohjaamista"),
    ("Kumppanit", "järjestöjen ja kuntien kumppanuutta"),
    ("Palvelumuotoilijat", "palveluiden yhteiskehittämistä"),
]


def local_implementer(chance, organisations, county):
    """An organisation of the county, or a national one where the demo has none there."""
    local = sorted(name for name, o in organisations.items() if o.region_id == county.pk)
    return chance.choice(local or ["Sininauhaliitto ry", "Diakonia-ammattikorkeakoulu"])


def fill_projects(organisations, regions):
    """Fictional projects, the same every run, until the directory has about sixty."""
    chance = random.Random("sokra-directory")  # noqa: S311  (demo data, not security)
    counties = [slug for slug in regions if regions[slug].kind == Region.Kind.WELLBEING_COUNTY]
    groups = ["nuoret", "ikaantyvat", "osatyokykyiset", "tyottomat", "syrjintaa-kokevat"]
    themes = [
        "kumppanuusrahoitus",
        "luovat-menetelmat",
        "aktivointi",
        "kansalaisvaikuttaminen",
        "ansaintamahdollisuudet",
        "kokemusasiantuntijuus",
        "pelillistaminen",
        "tyollistymisen-tuki",
        "osallistava-hallinto",
        "verkostotyo",
    ]
    rows = []
    for number in range(44):
        word, focus = FILL_NAMES[number % len(FILL_NAMES)]
        county = counties[(number * 7 + number // len(FILL_NAMES) * 3) % len(counties)]
        place = regions[county].name_fi
        start = chance.choice([2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024])
        length = chance.choice([2, 3, 3, 4])
        rows.append(
            (
                f"{word} {place}",
                "",
                local_implementer(chance, organisations, regions[county]),
                [],
                [county],
                ESF if start < 2021 else ESF_PLUS,
                (start, start + length),
                chance.sample(groups, chance.choice([1, 2])),
                chance.sample(themes, chance.choice([1, 2])),
                f"Hanke kehittää alueella {focus} yhdessä osallistujien kanssa.",
            )
        )
    return rows


PRACTICE_MODELS = [
    (
        "Kokemustoimijat vaikuttajina -ryhmä",
        ["OSSI – Osallisuutta sosiaaliseen kuntoutukseen"],
        ["kokemusasiantuntijuus", "kansalaisvaikuttaminen"],
        ["yhteiskehittaminen"],
        ["tyottomat"],
        "Ryhmä edistää yhteiskehittämistä alueella ja lisää asiakkaiden asiantuntijuuden "
        "hyödyntämistä sote-, kuntoutus- ja työllisyyspalveluiden kehittämisessä.",
        "Kokemusasiantuntijat tuovat kokemustietoaan esille ja vaikuttavat palveluiden "
        "kehittämiseen.",
    ),
    (
        "Palvelusafari nuorten vaikuttamisen välineenä",
        ["Petosen Pömpeli"],
        ["kansalaisvaikuttaminen"],
        ["yhteiskehittaminen", "yhteinen-hyva"],
        ["nuoret"],
        "Nuoret tutustuvat palveluihin ja vaikuttavat niihin, jolloin sekä pystyvyyden "
        "kokemus että vaikuttamistaidot vahvistuvat.",
        "Nuoret saavat myös mahdollisuuden panostaa yhteiseen hyvään.",
    ),
    (
        "Kiertävä kokous vaikuttamiskeinona terveydenhuollossa",
        ["Varikko"],
        ["osallistava-hallinto", "kokemusasiantuntijuus"],
        ["rakenteet", "yhteiskehittaminen"],
        ["tyottomat"],
        "Hyvät käytännöt juurtuvat kehittämishankkeista varsinaisiin toimintaympäristöihin, "
        "kun kiertäviin kokouksiin osallistuvat yksikön työntekijät.",
        "Kokemusasiantuntijatieto tulee kuuluville ja leviää palvelujärjestelmään.",
    ),
    (
        "Valtaajat",
        ["KAKE – kansalaislähtöinen keskustan kehittäminen"],
        ["kansalaisvaikuttaminen", "pelillistaminen"],
        ["omaehtoinen-toiminta", "yhteinen-hyva"],
        ["syrjintaa-kokevat", "nuoret"],
        "Tehdään pieni vaikuttamisteko ja jätetään myönteinen jälki ympäristöön. "
        "Valtaajakummit jeesaavat.",
        "Pieniä yhteiskunnallisia projekteja: neulekahvila tai -graffiti, artikkelin "
        "julkaisu, vlog omasta elämästä, pop up -ravintola. Valtaajat-peli tuo "
        "kansalaisyhteiskunnan vaikuttamisen keinot näkyväksi.",
    ),
    (
        "Ryhmätyöllistämisen avulla elinvoimaa kyliin",
        ["Voset – Varkauden osallisuutta ja työtä"],
        ["tyollistymisen-tuki", "ansaintamahdollisuudet"],
        ["oma-elama", "yhteinen-hyva"],
        ["tyottomat"],
        "Työllistyneet saavat työtä ja vertaistukea.",
        "Kyläyhdistykset saavat resursseja toimintaan, kyläyhteisöt työpaikkoja ja lähipalveluja.",
    ),
    (
        "Ajankäytön riittävyys osallisuustyössä rakentaa luottamusta",
        ["Vankeusaika mahdollisuutena"],
        ["verkostotyo", "osallistava-hallinto"],
        ["rakenteet", "oma-elama"],
        ["syrjintaa-kokevat"],
        "Kun ammattilaisella on aikaa kohdata, luottamus syntyy ja osallisuus vahvistuu.",
        "Osa kokonaisuutta Ammattilaisten osallisuus edistää palvelujen vaikuttavuutta.",
    ),
    (
        "Mokaamalla oppiminen",
        ["Tenho", "Oikeisiin töihin oppimisvaikeudesta huolimatta!"],
        ["luovat-menetelmat"],
        ["oma-elama", "omaehtoinen-toiminta"],
        ["osatyokykyiset", "tyottomat"],
        "Virheet ovat lupa oppia: ryhmässä kokeillaan, epäonnistutaan turvallisesti ja "
        "opitaan yhdessä.",
        "Toimintamallia on kehitetty Tenho-hankkeessa Oulussa, Kajaanissa, Helsingissä ja "
        "Tampereella.",
    ),
]

DIRECTORY = {
    "fi": (
        "hankkeet",
        "Hankkeet",
        "Noin 470 osallisuutta edistävää hanketta eri puolilla "
        "Suomea. Rajaa alueen, kohderyhmän tai teeman mukaan.",
    ),
    "sv": ("projekt", "Projekt", "Cirka 470 projekt som främjar delaktighet runt om i Finland."),
    "en": ("projects", "Projects", "Some 470 projects promoting inclusion across Finland."),
}
LIBRARY = {
    "fi": (
        "osallisuuden-palaset",
        "Osallisuuden palaset",
        "Hankkeista koottuja lupaavia käytäntöjä, kuvattuina ja arvioituina.",
    ),
    "sv": (
        "delaktighetens-pusselbitar",
        "Delaktighetens pusselbitar",
        "Lovande praxis från projekten, beskrivna och utvärderade.",
    ),
    "en": (
        "participation-pieces",
        "Participation pieces",
        "Promising practices collected from the projects, described and evaluated.",
    ),
}


def add_project(row, organisations, regions):
    name, short, implementer, partners, places, programme, years, groups, themes, summary = row
    factories.project(
        name,
        organisation=organisations[implementer],
        years=years,
        partners=[organisations[partner] for partner in partners],
        regions=[regions[place] for place in places],
        target_groups=groups,
        themes=themes,
        short_name=short,
        programme=programme,
        summary=summary,
        goals="Vahvistaa osallistujien osallisuutta ja toimijuutta.",
        methods="Ryhmätoiminta, yksilöohjaus ja yhteiskehittäminen.",
        website="https://www.example.org/",
    )


def index_texts(rows):
    """An index page's fields per language from its (slug, title, lead) rows."""
    return {
        language: {"slug": slug, "title": title, "lead": lead}
        for language, (slug, title, lead) in rows.items()
    }


@demo_loader(order=20)
def load(stdout):
    regions = {region.slug: region for region in Region.objects.all()}
    for name, kind, municipality, region in ORGANISATIONS:
        factories.organisation(name, kind=kind, municipality=municipality, region=regions[region])
    organisations = {organisation.name: organisation for organisation in Organisation.objects.all()}
    for row in PROJECTS:
        add_project(row, organisations, regions)
    for row in fill_projects(organisations, regions):
        add_project(row, organisations, regions)
    for name, projects, themes, areas, groups, summary, description in PRACTICE_MODELS:
        factories.practice_model(
            name,
            projects=projects,
            themes=themes,
            participation_areas=areas,
            target_groups=groups,
            summary=summary,
            description=description,
            evaluation="Mallia on arvioitu hankkeen osallistujien ja työntekijöiden kanssa; "
            "se on siirrettävissä muihin kuntiin.",
            external_url="https://www.innokyla.fi/",
        )
    home = HomePage.objects.filter(locale__language_code="fi").first()
    if home is not None:
        for page_class, texts, after in [
            (ProjectDirectoryPage, DIRECTORY, "tutkimusviestit"),
            (PracticeModelIndexPage, LIBRARY, "hankkeet"),
        ]:
            page = translated_page(home, page_class, index_texts(texts), show_in_menus=True)
            place_after(page, after)
    stdout.write(f"Directory: {Project.objects.count()} projects: ok")
