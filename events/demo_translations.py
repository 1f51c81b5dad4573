"""Swedish and English words for the coordination's own demo events, series and
participation week: the words only. Each translation is made with Wagtail's
copy-for-translation, so it shares the Finnish page's translation key and with it the
one event record that holds the facts (times, place, registration); none are copied.

Events organisations submit to the participation week stay in the language they were
written in; the Swedish and English programmes link to them with "(in Finnish)"."""

CAFE_LEAD = {
    "sv": "På distanskaféet delar vi erfarenheter och lovande praxis i avslappnad form på nätet.",
    "en": "At the online café we share experiences and promising practices in a relaxed setting.",
}

# Finnish slug: {language: (slug, title, lead)}
PAGES = {
    "etela-ja-lansi-suomen-kahvilat": {
        "sv": (
            "kafeer-i-sodra-och-vastra-finland",
            "Kaféer i Södra och Västra Finland",
            "Månatliga distanskaféer för projektanställda kl. 9.30–11.00.",
        ),
        "en": (
            "southern-and-western-finland-cafes",
            "Southern and Western Finland cafés",
            "Monthly online cafés for project workers, 09:30–11:00.",
        ),
    },
    "digiosallisuus-kahvila": {
        "sv": (
            "digital-delaktighet-kafe",
            "Att främja digital delaktighet – lovande praxis som modeller för delaktighet",
            CAFE_LEAD["sv"],
        ),
        "en": (
            "digital-inclusion-cafe",
            "Promoting digital inclusion – promising practices as models of inclusion",
            CAFE_LEAD["en"],
        ),
    },
    "sosiaaliturva-kahvila": {
        "sv": (
            "social-trygghet-kafe",
            "Tjänster och social trygghet som stöder delaktighet och aktivitet",
            CAFE_LEAD["sv"],
        ),
        "en": (
            "social-security-cafe",
            "Services and social security that support inclusion and activity",
            CAFE_LEAD["en"],
        ),
    },
    "tyollistymisen-tuki-kahvila": {
        "sv": (
            "sysselsattningsstod-kafe",
            "Sysselsättningsstöd som främjar delaktighet – praxis från projekten",
            CAFE_LEAD["sv"],
        ),
        "en": (
            "employment-support-cafe",
            "Employment support practices that promote inclusion",
            CAFE_LEAD["en"],
        ),
    },
    "osallisuuden-mittaaminen-kahvila": {
        "sv": (
            "att-mata-delaktighet-kafe",
            "Att mäta delaktighet i projekt",
            "På kaféet bekantade vi oss med delaktighetsindikatorn och hur projekten kan "
            "använda den.",
        ),
        "en": (
            "measuring-inclusion-cafe",
            "Measuring inclusion in projects",
            "The café introduced the participation indicator and how projects can use it.",
        ),
    },
    "kaikki-mukaan-webinaari": {
        "sv": (
            "alla-med-webbinarium",
            "Alla med: hur vi kan stödja inflytandet för dem som har det svårast",
            "I webbinariet hör vi hur erfarenhetsexperter och organisationer stöder "
            "människors möjligheter att påverka.",
        ),
        "en": (
            "everyone-on-board-webinar",
            "Everyone on board: supporting the voice of people in the most vulnerable positions",
            "The webinar shows how experts by experience and NGOs help people make their "
            "voices heard.",
        ),
    },
    "osallisuus-pohjois-pohjanmaalla": {
        "sv": (
            "delaktighet-i-norra-osterbotten",
            "Delaktighet i Norra Österbotten – regionalt nätverksmöte",
            "Projekten i regionen samlas för att berätta om sitt arbete och planera samarbete.",
        ),
        "en": (
            "inclusion-in-north-ostrobothnia",
            "Inclusion in North Ostrobothnia – regional network meeting",
            "Projects in the region meet to share news and plan how to work together.",
        ),
    },
    "osallistu-ja-osallista": {
        "sv": (
            "delta-och-engagera",
            "Delta och engagera! – samordningsprojektets avslutningsevenemang",
            "På samordningsprojektets avslutningsevenemang samlade vi lärdomarna från "
            "projektperioden.",
        ),
        "en": (
            "take-part-and-include",
            "Take part and include! – closing event of the coordination project",
            "The coordination project's closing event brought together what the project "
            "period taught us.",
        ),
    },
}
ACCESSIBILITY = {
    "osallisuus-pohjois-pohjanmaalla": {
        "sv": "Tillgänglig ingång och hörslinga.",
        "en": "Step-free entrance and induction loop.",
    }
}
WEEK = {
    "sv": (
        "delaktighetsveckan",
        "Delaktighetsveckan {year}",
        "Under delaktighetsveckan kan vem som helst ordna ett evenemang för delaktighet. Vi "
        "har samlat evenemangen från hela Finland i ett program och en kalender.",
    ),
    "en": (
        "participation-week",
        "Participation Week {year}",
        "During the participation week anyone can hold an event for inclusion. We have "
        "gathered the events from all over Finland into one programme and calendar.",
    ),
}
