"""Fictional organisations and real project names from the network's own material."""

import datetime

from cms.demo import demo_loader
from cms.models import Region, TargetGroup, Theme
from network.models import Organisation, PracticeModel, Project

ORGANISATIONS = [
    ("Varkauden kaupunki", Organisation.Kind.MUNICIPALITY, "Varkaus", "pohjois-savo"),
    ("Kuopion kaupunki", Organisation.Kind.MUNICIPALITY, "Kuopio", "pohjois-savo"),
    ("Joensuun kaupunki", Organisation.Kind.MUNICIPALITY, "Joensuu", "pohjois-karjala"),
    ("Mikkelin seudun yhdistys ry", Organisation.Kind.NGO, "Mikkeli", "etela-savo"),
    ("Itä-Suomen järjestöverkosto ry", Organisation.Kind.NGO, "Kuopio", "pohjois-savo"),
    ("Rikosseuraamuslaitos", Organisation.Kind.STATE, "Helsinki", "valtakunnallinen"),
    ("Diakonia-ammattikorkeakoulu", Organisation.Kind.EDUCATION, "Helsinki", "uusimaa"),
    ("Oulun seudun työpajat ry", Organisation.Kind.NGO, "Oulu", "pohjois-pohjanmaa"),
    ("Jyväskylän kaupunki", Organisation.Kind.MUNICIPALITY, "Jyväskylä", "keski-suomi"),
]

PROJECTS = [
    ("Voset", "Varkauden kaupunki", "pohjois-savo", 2019, 2022, ["tyottomat"]),
    ("Petosen Pömpeli", "Kuopion kaupunki", "pohjois-savo", 2018, 2021, ["nuoret"]),
    ("OSSI", "Kuopion kaupunki", "pohjois-savo", 2019, 2023, ["tyottomat"]),
    (
        "KAKE – kansalaislähtöinen keskustan kehittäminen",
        "Joensuun kaupunki",
        "pohjois-karjala",
        2020,
        2023,
        ["syrjintaa-kokevat"],
    ),
    (
        "Oikeisiin töihin oppimisvaikeudesta huolimatta!",
        "Mikkelin seudun yhdistys ry",
        "etela-savo",
        2019,
        2022,
        ["osatyokykyiset"],
    ),
    ("Varikko", "Itä-Suomen järjestöverkosto ry", "pohjois-savo", 2020, 2023, ["tyottomat"]),
    (
        "Vankeusaika mahdollisuutena",
        "Rikosseuraamuslaitos",
        "valtakunnallinen",
        2019,
        2022,
        ["syrjintaa-kokevat"],
    ),
    ("Yhdistämö", "Oulun seudun työpajat ry", "pohjois-pohjanmaa", 2021, 2027, ["nuoret"]),
    ("TAIDA", "Jyväskylän kaupunki", "keski-suomi", 2022, 2027, ["ikaantyvat"]),
    (
        "Tenho",
        "Diakonia-ammattikorkeakoulu",
        "uusimaa",
        2023,
        2027,
        ["tyottomat", "osatyokykyiset"],
    ),
]

PRACTICE_MODELS = [
    (
        "Kokemustoimijat vaikuttajina -ryhmä",
        "OSSI",
        ["kokemusasiantuntijuus", "kansalaisvaikuttaminen"],
    ),
    (
        "Palvelusafari nuorten vaikuttamisen välineenä",
        "Petosen Pömpeli",
        ["kansalaisvaikuttaminen"],
    ),
    ("Kiertävä kokous vaikuttamiskeinona terveydenhuollossa", "Varikko", ["osallistava-hallinto"]),
    ("Valtaajat", "KAKE – kansalaislähtöinen keskustan kehittäminen", ["kansalaisvaikuttaminen"]),
    ("Ryhmätyöllistämisen avulla elinvoimaa kyliin", "Voset", ["tyollistymisen-tuki"]),
    (
        "Ajankäytön riittävyys osallisuustyössä rakentaa luottamusta",
        "Vankeusaika mahdollisuutena",
        ["verkostotyo"],
    ),
    (
        "Mokaamalla oppiminen",
        "Oikeisiin töihin oppimisvaikeudesta huolimatta!",
        ["luovat-menetelmat"],
    ),
]


@demo_loader(order=20)
def load(stdout):
    regions = {region.slug: region for region in Region.objects.all()}
    for name, kind, municipality, region in ORGANISATIONS:
        Organisation.objects.get_or_create(
            name=name,
            defaults={"kind": kind, "municipality": municipality, "region": regions[region]},
        )
    for name, organisation, region, start, end, groups in PROJECTS:
        project, created = Project.objects.get_or_create(
            name=name,
            defaults={
                "organisation": Organisation.objects.get(name=organisation),
                "region": regions[region],
                "start_date": datetime.date(start, 1, 1),
                "end_date": datetime.date(end, 12, 31),
                "description": f"{name} edistää osallisuutta paikallisesti.",
            },
        )
        if created:
            project.target_groups.set(TargetGroup.objects.filter(slug__in=groups))
    for name, project, themes in PRACTICE_MODELS:
        model, created = PracticeModel.objects.get_or_create(
            name=name,
            defaults={
                "project": Project.objects.get(name=project),
                "description": f"{name}: toimintamalli, joka on koottu hankkeen kokemuksista.",
            },
        )
        if created:
            model.themes.set(Theme.objects.filter(slug__in=themes))
    stdout.write("Organisations, projects and practice models: ok")
