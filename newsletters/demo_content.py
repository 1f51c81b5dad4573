"""Demo content: the three mailing lists, the newsletter archive page in three
languages, a draft-ready first issue and two fictional subscribers."""

from django.utils import timezone

from wagtail.rich_text import RichText

from cms.demo import demo_loader, ensure_child, ensure_translation, place_after
from cms.models import HomePage
from newsletters.models import (
    MailingList,
    NewsletterIndexPage,
    NewsletterIssuePage,
    Subscriber,
    Subscription,
)

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
SUBSCRIBERS = [
    ("maija.meikalainen@example.org", "Maija Meikäläinen"),
    ("pekka.projektilainen@example.org", "Pekka Projektilainen"),
]


@demo_loader(order=40)
def load(stdout):
    lists = {}
    for fields in LISTS:
        lists[fields["slug"]], _created = MailingList.objects.get_or_create(
            slug=fields["slug"], defaults=fields
        )
    home = HomePage.objects.filter(locale__language_code="fi").first()
    if home is None:
        return
    index = ensure_child(home, NewsletterIndexPage, show_in_menus=True, **INDEX["fi"])
    for language in ("sv", "en"):
        ensure_translation(index, language, **INDEX[language])
    place_after(index, "tietoa-meista")
    link_home_call_to_action(home, index)
    ensure_child(
        index,
        NewsletterIssuePage,
        "osallisuutta-paatoksiin-1-2025",
        title="Osallisuutta päätöksiin 1/2025",
        lead="Kevään numerossa kokemusasiantuntijuus ja uusi tutkimus osallisuudesta.",
        body=[
            (
                "paragraph",
                RichText(
                    "<p>Hyvä lukija! Tässä numerossa kerromme, miten kokemusasiantuntijat "
                    "vaikuttavat palveluiden kehittämiseen eri puolilla Suomea.</p>"
                ),
            ),
            (
                "research_items",
                {
                    "heading": "Uutta tutkimusta",
                    "items": [
                        {
                            "citation": "Esimerkki, E. (2025). Osallisuuden kokemus ja palvelut.",
                            "summary": "Kyselytutkimus osallisuuden kokemuksesta palveluissa.",
                            "link": "https://example.org/tutkimus",
                        }
                    ],
                },
            ),
        ],
    )
    newsletter = lists["osallisuutta-paatoksiin"]
    for email, name in SUBSCRIBERS:
        subscriber = Subscriber.objects.for_email(email) or Subscriber.objects.create(
            email=email, name=name, source=Subscriber.Source.STAFF
        )
        Subscription.objects.get_or_create(
            subscriber=subscriber,
            mailing_list=newsletter,
            defaults={
                "consent_text": "Demo",
                "consent_source": "demo",
                "consent_at": timezone.now(),
            },
        )
    stdout.write("Mailing lists, newsletter archive and first issue: ok")


def link_home_call_to_action(home, index):
    """Point the home page's newsletter call-to-action, in every language, at the archive."""
    for page in home.get_translations(inclusive=True).specific():
        if page.newsletter_page_id is not None:
            continue
        page.newsletter_page = index
        if page.locale.language_code == "fi":
            page.newsletter_heading = "Tilaa uutiskirje Osallisuutta päätöksiin"
            page.newsletter_text = (
                "Uutiskirje kertoo 3–4 kertaa vuodessa osallisuustyön uutisista, "
                "tutkimuksesta ja tapahtumista."
            )
        page.save_revision().publish()
