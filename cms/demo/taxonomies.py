"""Regions, themes and target groups from the network's own vocabulary (shared/CONTEXT.md)."""

WHOLE_SOUTH_WEST = "etela-ja-lansi-suomi"
WHOLE_EAST_NORTH = "ita-ja-pohjois-suomi"

# (slug, Finnish, Swedish, English, kind, regional whole): the whole country, the two
# regional wholes the coordinators cover, the wellbeing services counties (with Helsinki),
# and the wider ELY centre areas that older material still uses.
REGION_ROWS = [
    ("valtakunnallinen", "Valtakunnallinen", "Riksomfattande", "National", "national", None),
    (
        WHOLE_SOUTH_WEST,
        "Etelä- ja Länsi-Suomi",
        "Södra och västra Finland",
        "Southern and Western Finland",
        "whole",
        None,
    ),
    (
        WHOLE_EAST_NORTH,
        "Itä- ja Pohjois-Suomi",
        "Östra och norra Finland",
        "Eastern and Northern Finland",
        "whole",
        None,
    ),
    ("helsinki", "Helsinki", "Helsingfors", "Helsinki", "county", WHOLE_SOUTH_WEST),
    ("ita-uusimaa", "Itä-Uusimaa", "Östra Nyland", "East Uusimaa", "county", WHOLE_SOUTH_WEST),
    (
        "keski-uusimaa",
        "Keski-Uusimaa",
        "Mellersta Nyland",
        "Central Uusimaa",
        "county",
        WHOLE_SOUTH_WEST,
    ),
    ("lansi-uusimaa", "Länsi-Uusimaa", "Västra Nyland", "West Uusimaa", "county", WHOLE_SOUTH_WEST),
    ("vantaa-kerava", "Vantaa-Kerava", "Vanda-Kervo", "Vantaa-Kerava", "county", WHOLE_SOUTH_WEST),
    (
        "varsinais-suomi",
        "Varsinais-Suomi",
        "Egentliga Finland",
        "Southwest Finland",
        "county",
        WHOLE_SOUTH_WEST,
    ),
    ("satakunta", "Satakunta", "Satakunta", "Satakunta", "county", WHOLE_SOUTH_WEST),
    ("kanta-hame", "Kanta-Häme", "Egentliga Tavastland", "Kanta-Häme", "county", WHOLE_SOUTH_WEST),
    ("pirkanmaa", "Pirkanmaa", "Birkaland", "Pirkanmaa", "county", WHOLE_SOUTH_WEST),
    (
        "paijat-hame",
        "Päijät-Häme",
        "Päijänne-Tavastland",
        "Päijät-Häme",
        "county",
        WHOLE_SOUTH_WEST,
    ),
    ("kymenlaakso", "Kymenlaakso", "Kymmenedalen", "Kymenlaakso", "county", WHOLE_SOUTH_WEST),
    (
        "etela-karjala",
        "Etelä-Karjala",
        "Södra Karelen",
        "South Karelia",
        "county",
        WHOLE_SOUTH_WEST,
    ),
    (
        "keski-suomi",
        "Keski-Suomi",
        "Mellersta Finland",
        "Central Finland",
        "county",
        WHOLE_SOUTH_WEST,
    ),
    (
        "etela-pohjanmaa",
        "Etelä-Pohjanmaa",
        "Södra Österbotten",
        "South Ostrobothnia",
        "county",
        WHOLE_SOUTH_WEST,
    ),
    ("pohjanmaa", "Pohjanmaa", "Österbotten", "Ostrobothnia", "county", WHOLE_SOUTH_WEST),
    ("etela-savo", "Etelä-Savo", "Södra Savolax", "South Savo", "county", WHOLE_EAST_NORTH),
    ("pohjois-savo", "Pohjois-Savo", "Norra Savolax", "North Savo", "county", WHOLE_EAST_NORTH),
    (
        "pohjois-karjala",
        "Pohjois-Karjala",
        "Norra Karelen",
        "North Karelia",
        "county",
        WHOLE_EAST_NORTH,
    ),
    (
        "keski-pohjanmaa",
        "Keski-Pohjanmaa",
        "Mellersta Österbotten",
        "Central Ostrobothnia",
        "county",
        WHOLE_EAST_NORTH,
    ),
    (
        "pohjois-pohjanmaa",
        "Pohjois-Pohjanmaa",
        "Norra Österbotten",
        "North Ostrobothnia",
        "county",
        WHOLE_EAST_NORTH,
    ),
    ("kainuu", "Kainuu", "Kajanaland", "Kainuu", "county", WHOLE_EAST_NORTH),
    ("lappi", "Lappi", "Lappland", "Lapland", "county", WHOLE_EAST_NORTH),
    ("uusimaa", "Uusimaa", "Nyland", "Uusimaa", "area", WHOLE_SOUTH_WEST),
    ("hame", "Häme", "Tavastland", "Häme", "area", WHOLE_SOUTH_WEST),
    (
        "kaakkois-suomi",
        "Kaakkois-Suomi",
        "Sydöstra Finland",
        "Southeast Finland",
        "area",
        WHOLE_SOUTH_WEST,
    ),
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
