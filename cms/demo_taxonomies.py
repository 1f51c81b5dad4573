"""Regions, themes and target groups from the network's own vocabulary (shared/CONTEXT.md)."""

REGIONS = [
    ("valtakunnallinen", "Valtakunnallinen", "Riksomfattande", "National"),
    ("uusimaa", "Uusimaa", "Nyland", "Uusimaa"),
    ("varsinais-suomi", "Varsinais-Suomi", "Egentliga Finland", "Southwest Finland"),
    ("satakunta", "Satakunta", "Satakunta", "Satakunta"),
    ("hame", "Häme", "Tavastland", "Häme"),
    ("pirkanmaa", "Pirkanmaa", "Birkaland", "Pirkanmaa"),
    ("kaakkois-suomi", "Kaakkois-Suomi", "Sydöstra Finland", "Southeast Finland"),
    ("etela-savo", "Etelä-Savo", "Södra Savolax", "South Savo"),
    ("pohjois-savo", "Pohjois-Savo", "Norra Savolax", "North Savo"),
    ("pohjois-karjala", "Pohjois-Karjala", "Norra Karelen", "North Karelia"),
    ("keski-suomi", "Keski-Suomi", "Mellersta Finland", "Central Finland"),
    ("etela-pohjanmaa", "Etelä-Pohjanmaa", "Södra Österbotten", "South Ostrobothnia"),
    ("pohjanmaa", "Pohjanmaa", "Österbotten", "Ostrobothnia"),
    ("pohjois-pohjanmaa", "Pohjois-Pohjanmaa", "Norra Österbotten", "North Ostrobothnia"),
    ("kainuu", "Kainuu", "Kajanaland", "Kainuu"),
    ("lappi", "Lappi", "Lappland", "Lapland"),
]

THEMES = [
    (
        "kumppanuusrahoitus",
        "Kumppanuusrahoitusmalli",
        "Partnerskapsfinansiering",
        "Partnership funding model",
    ),
    ("luovat-menetelmat", "Luovat menetelmät", "Kreativa metoder", "Creative methods"),
    ("aktivointi", "Aktivointi", "Aktivering", "Activation"),
    (
        "kansalaisvaikuttaminen",
        "Kansalaisvaikuttamisen vahvistaminen",
        "Stärkt medborgarinflytande",
        "Strengthening civic influence",
    ),
    (
        "ansaintamahdollisuudet",
        "Lisää ansaintamahdollisuuksia",
        "Fler möjligheter att förtjäna",
        "More earning opportunities",
    ),
    (
        "kokemusasiantuntijuus",
        "Kokemusasiantuntijuus",
        "Erfarenhetsexpertis",
        "Expertise by experience",
    ),
    (
        "pelillistaminen",
        "Pelillistäminen sosiaalityössä",
        "Spelifiering i socialt arbete",
        "Gamification in social work",
    ),
    (
        "tyollistymisen-tuki",
        "Pitkäaikaistyöttömien työllistymisen tuki",
        "Sysselsättningsstöd för långtidsarbetslösa",
        "Employment support for the long-term unemployed",
    ),
    (
        "osallistava-hallinto",
        "Osallistava hallintomalli",
        "Delaktighetsbaserad förvaltning",
        "Participatory governance model",
    ),
    ("verkostotyo", "Verkostotyö", "Nätverksarbete", "Networking work"),
]

TARGET_GROUPS = [
    ("nuoret", "Nuoret", "Unga", "Young people"),
    ("ikaantyvat", "Ikääntyvät", "Äldre", "Ageing people"),
    (
        "osatyokykyiset",
        "Osatyökykyiset",
        "Personer med partiell arbetsförmåga",
        "People with partial work ability",
    ),
    ("tyottomat", "Työttömät", "Arbetslösa", "Unemployed people"),
    (
        "syrjintaa-kokevat",
        "Syrjintää kokevat ryhmät",
        "Grupper som upplever diskriminering",
        "Groups facing discrimination",
    ),
]


def ensure_names(model, rows):
    for order, (slug, fi, sv, en) in enumerate(rows):
        model.objects.get_or_create(
            slug=slug, defaults={"name_fi": fi, "name_sv": sv, "name_en": en, "sort_order": order}
        )
