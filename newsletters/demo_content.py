"""Demo content: the three mailing lists, the newsletter archive page in three
languages, a draft-ready first issue and two fictional subscribers."""

from wagtail.rich_text import RichText

from cms.demo import demo_loader
from cms.factories import place_after, translated_page
from cms.models import HomePage
from newsletters import factories
from newsletters.models import MailingList, NewsletterIndexPage, NewsletterIssuePage, Subscriber

LISTS = [
    {
        "slug": "osallisuutta-paatoksiin",
        "name": "Osallisuutta päätöksiin",
        "description": "Koordinaatiohankkeen uutiskirje 3–4 kertaa vuodessa.",
        "visibility": MailingList.Visibility.PUBLIC,
    },
    {
        "slug": "tutkimusviesti",
        "name": "Tutkimusviesti",
        "description": "Kuukausittainen kooste uusimmasta osallisuustutkimuksesta.",
        "visibility": MailingList.Visibility.PUBLIC,
    },
    {
        "slug": "infokirje",
        "name": "Infokirje hanketyöntekijöille",
        "description": "Ajankohtaista ESR-hankkeiden työntekijöille.",
        "visibility": MailingList.Visibility.INTERNAL,
    },
]
INDEX = {
    "fi": {
        "slug": "uutiskirje",
        "title": "Uutiskirje",
        "lead": "Tilaa uutiskirje ja lue aiemmat numerot.",
    },
    "sv": {
        "slug": "nyhetsbrev",
        "title": "Nyhetsbrev",
        "lead": "Prenumerera på nyhetsbrevet och läs tidigare nummer.",
    },
    "en": {
        "slug": "newsletter",
        "title": "Newsletter",
        "lead": "Subscribe to the newsletter and read earlier issues.",
    },
}
# The first issue in each language: slug, title, lead, greeting, research heading, summary.
ISSUE = {
    "fi": (
        "osallisuutta-paatoksiin-1-2025",
        "Osallisuutta päätöksiin 1/2025",
        "Kevään numerossa kokemusasiantuntijuus ja uusi tutkimus osallisuudesta.",
        "Hyvä lukija! Tässä numerossa kerromme, miten kokemusasiantuntijat vaikuttavat "
        "palveluiden kehittämiseen eri puolilla Suomea.",
        "Uutta tutkimusta",
        "Kyselytutkimus osallisuuden kokemuksesta palveluissa.",
    ),
    "sv": (
        "delaktighet-i-beslut-1-2025",
        "Delaktighet i beslut 1/2025",
        "I vårens nummer: erfarenhetsexpertis och ny forskning om delaktighet.",
        "Bästa läsare! I det här numret berättar vi hur erfarenhetsexperter påverkar "
        "utvecklingen av tjänster runt om i Finland.",
        "Ny forskning",
        "En enkätstudie om hur människor upplever delaktighet i tjänsterna.",
    ),
    "en": (
        "inclusion-into-decisions-1-2025",
        "Inclusion into decisions 1/2025",
        "The spring issue: expertise by experience and new research on inclusion.",
        "Dear reader! In this issue we tell how experts by experience shape the "
        "development of services across Finland.",
        "New research",
        "A survey study of how people experience inclusion in services.",
    ),
}
# The home page's newsletter call to action: heading and text per language.
CALL_TO_ACTION = {
    "fi": (
        "Tilaa uutiskirje Osallisuutta päätöksiin",
        "Uutiskirje kertoo 3–4 kertaa vuodessa osallisuustyön uutisista, tutkimuksesta ja "
        "tapahtumista.",
    ),
    "sv": (
        "Prenumerera på vårt nyhetsbrev",
        "Nyhetsbrevet berättar tre till fyra gånger om året om nyheter, forskning och "
        "evenemang inom arbetet för delaktighet.",
    ),
    "en": (
        "Subscribe to our newsletter",
        "Three or four times a year the newsletter brings news, research and events from "
        "the work for inclusion.",
    ),
}


def issue_fields(language):
    slug, title, lead, greeting, heading, summary = ISSUE[language]
    research = {
        "heading": heading,
        "items": [
            {
                "citation": "Esimerkki, E. (2025). Osallisuuden kokemus ja palvelut.",
                "summary": summary,
                "link": "https://example.org/tutkimus",
            }
        ],
    }
    body = [("paragraph", RichText(f"<p>{greeting}</p>")), ("research_items", research)]
    return {"slug": slug, "title": title, "lead": lead, "body": body}


SUBSCRIBERS = [
    ("maija.meikalainen@example.org", "Maija Meikäläinen"),
    ("pekka.projektilainen@example.org", "Pekka Projektilainen"),
]


@demo_loader(order=40)
def load(stdout):
    lists = {fields["slug"]: factories.mailing_list(**fields) for fields in LISTS}
    home = HomePage.objects.filter(locale__language_code="fi").first()
    if home is None:
        return
    index = translated_page(home, NewsletterIndexPage, INDEX, show_in_menus=True)
    place_after(index, "tietoa-meista")
    link_home_call_to_action(home, index)
    translated_page(
        index, NewsletterIssuePage, {language: issue_fields(language) for language in ISSUE}
    )
    for email, name in SUBSCRIBERS:
        factories.subscription(
            factories.subscriber(email, name=name, source=Subscriber.Source.STAFF),
            lists["osallisuutta-paatoksiin"],
            consent_text="Demo",
            consent_source="demo",
        )
    stdout.write("Mailing lists, newsletter archive and first issue: ok")


def link_home_call_to_action(home, index):
    """Point the home page's newsletter call-to-action, in every language, at the archive."""
    for page in home.get_translations(inclusive=True).specific():
        if page.newsletter_page_id is not None:
            continue
        page.newsletter_page = index
        heading, text = CALL_TO_ACTION[page.locale.language_code]
        page.newsletter_heading, page.newsletter_text = heading, text
        page.save_revision().publish()
