"""Finnish demo content for the pages `cms` owns, with Swedish and English translations:
home, news, research messages, about, contacts and the accessibility statement and privacy
notice every Finnish public-sector site must have."""

from django.utils.text import slugify

from wagtail.models import Site
from wagtail.rich_text import RichText

from cms import factories
from cms.demo import demo_loader
from cms.demo.accessibility import ACCESSIBILITY
from cms.demo.news import NEWS, PEOPLE, RESEARCH
from cms.demo.taxonomies import REGION_ROWS, TARGET_GROUPS, THEMES
from cms.factories import TRANSLATIONS
from cms.models import (
    ContactsPage,
    NewsIndexPage,
    Region,
    ResearchIndexPage,
    SiteSettings,
    StandardPage,
    TargetGroup,
    Theme,
)


def paragraphs(*texts):
    return [("paragraph", RichText("".join(f"<p>{text}</p>" for text in texts)))]


def body_of(parts):
    """Body blocks from a page's texts: a 1-tuple is an h2 heading, strings are paragraphs."""
    blocks, run = [], []
    for part in parts:
        if isinstance(part, tuple):
            blocks += paragraphs(*run) if run else []
            blocks.append(("heading", {"text": part[0], "level": "h2"}))
            run = []
        else:
            run.append(part)
    return blocks + (paragraphs(*run) if run else [])


def section(heading, *texts):
    return [("heading", {"text": heading, "level": "h2"}), *paragraphs(*texts)]


HOME = {
    "fi": {
        "title": "Osallisuutta kaikille",
        "lead": "Sosiaalisen osallisuuden edistämisen koordinaatiohanke virittää, verkostoi, "
        "tutkii ja viestii. Tuemme noin 470 hanketta, jotka edistävät työelämän ulkopuolella "
        "olevien osallisuutta ja torjuvat köyhyyttä.",
        "body": section(
            "Mitä teemme",
            "Järjestämme webinaareja, etäkahviloita ja työpajoja hankkeiden työntekijöille, "
            "kokoamme osallisuutta edistäviä toimintamalleja ja julkaisemme kuukausittain "
            "tutkimusviestin uusimmasta osallisuustutkimuksesta.",
        ),
    },
    "sv": {
        "title": "Delaktighet för alla",
        "lead": "Samordningsprojektet för främjande av social delaktighet stämmer av, nätverkar, "
        "forskar och kommunicerar. Vi stöder cirka 470 projekt runt om i Finland.",
        "body": section(
            "Vad vi gör",
            "Vi ordnar webbinarier, distanskaféer och workshoppar för projektanställda, samlar "
            "verksamhetsmodeller som främjar delaktighet och publicerar varje månad ett "
            "forskningsmeddelande om den senaste forskningen om delaktighet.",
        ),
    },
    "en": {
        "title": "Inclusion for everyone",
        "lead": "The coordination project for social inclusion tunes, networks, researches and "
        "communicates. We support some 470 projects across Finland that promote the inclusion "
        "of people outside working life.",
        "body": section(
            "What we do",
            "We hold webinars, online cafés and workshops for project workers, collect "
            "practice models that promote inclusion and publish a monthly research message "
            "on the newest research on inclusion.",
        ),
    },
}

NEWS_INDEX_SLUGS = {"fi": "ajankohtaista", "sv": "aktuellt", "en": "news"}
RESEARCH_INDEX_SLUGS = {
    "fi": "tutkimusviestit",
    "sv": "forskningsmeddelanden",
    "en": "research-messages",
}
ABOUT_SLUGS = {"fi": "tietoa-meista", "sv": "om-oss", "en": "about-us"}
CONTACTS_SLUGS = {"fi": "yhteystiedot", "sv": "kontakt", "en": "contact"}
ACCESSIBILITY_SLUGS = {
    "fi": "saavutettavuusseloste",
    "sv": "tillganglighetsutlatande",
    "en": "accessibility-statement",
}
PRIVACY_SLUGS = {"fi": "tietosuojaseloste", "sv": "dataskydd", "en": "privacy-notice"}

NEWS_INDEX = {
    "fi": ("Ajankohtaista", "Uutisia osallisuustyöstä, hankkeista ja tapahtumista."),
    "sv": ("Aktuellt", "Nyheter om delaktighetsarbete, projekt och evenemang."),
    "en": ("News", "News about inclusion work, projects and events."),
}

RESEARCH_INDEX = {
    "fi": (
        "Tutkimusviestit",
        "Kuukausittainen koonti uusimmasta osallisuutta ja huono-osaisuutta koskevasta "
        "tutkimuksesta.",
    ),
    "sv": ("Forskningsmeddelanden", "En månatlig översikt av ny forskning om delaktighet."),
    "en": ("Research messages", "A monthly digest of new research on inclusion."),
}

ABOUT = {
    "fi": (
        "Tietoa meistä",
        "Koordinaatiohanketta toteuttavat Terveyden ja hyvinvoinnin laitos (THL) ja "
        "Diakonia-ammattikorkeakoulu Euroopan sosiaalirahaston tuella.",
    ),
    "sv": (
        "Om oss",
        "Samordningsprojektet genomförs av Institutet för hälsa och välfärd (THL) och "
        "Diakonissanstaltens yrkeshögskola med stöd av Europeiska socialfonden.",
    ),
    "en": (
        "About us",
        "The coordination project is run by the Finnish Institute for Health and Welfare (THL) "
        "and Diaconia University of Applied Sciences with support from the European Social Fund.",
    ),
}

# Sub-pages of the about page: (slugs, texts).
ABOUT_CHILDREN = [
    (
        {
            "fi": "osallisuuden-osa-alueet",
            "sv": "delaktighetens-delomraden",
            "en": "areas-of-inclusion",
        },
        {
            "fi": (
                "Osallisuuden osa-alueet",
                "Osallisuutta tarkastellaan kolmella osa-alueella.",
                "1. Osallisuus omassa elämässä. 2. Osallisuus yhteisöissä ja vaikuttamisessa: "
                "yhteissuunnittelu ja -kehittäminen sekä omaehtoinen ja yhteinen toiminta. "
                "3. Osallisuus yhteiseen hyvään.",
                "Lisäksi tarvitaan rakenteita, jotka edistävät osallisuutta.",
            ),
            "sv": (
                "Delaktighetens delområden",
                "Delaktighet granskas inom tre delområden.",
                "Delaktighet i det egna livet, i gemenskaper och påverkan samt i det gemensamma "
                "goda.",
            ),
            "en": (
                "Areas of inclusion",
                "Inclusion is looked at in three areas.",
                "Inclusion in one's own life, in communities and influencing, and in the common "
                "good.",
            ),
        },
    ),
    (
        {"fi": "rahoitus", "sv": "finansiering", "en": "funding"},
        {
            "fi": (
                "Rahoitus",
                "Koordinaatiohanketta rahoittaa Euroopan sosiaalirahasto.",
                "Hanke kuuluu toimintalinjaan 5, jonka tavoitteena on sosiaalisen osallisuuden "
                "edistäminen ja köyhyyden torjuminen. Seuraajaohjelma on ESR+ 2021–2027.",
            ),
            "sv": (
                "Finansiering",
                "Samordningsprojektet finansieras av Europeiska socialfonden.",
                "Projektet hör till insatsområde 5 om social delaktighet och fattigdom.",
            ),
            "en": (
                "Funding",
                "The coordination project is funded by the European Social Fund.",
                "It belongs to priority axis 5, promoting social inclusion and fighting poverty.",
            ),
        },
    ),
]

CONTACTS = {
    "fi": (
        "Yhteystiedot",
        "Ota yhteyttä koordinaatiohankkeen työntekijöihin ja aluekoordinaattoreihin.",
    ),
    "sv": ("Kontaktuppgifter", "Kontakta samordningsprojektets personal och regionkoordinatorer."),
    "en": ("Contact", "Get in touch with the coordination team and the regional coordinators."),
}

PRIVACY = {
    "fi": (
        "Tietosuojaseloste",
        "Käsittelemme henkilötietoja vain siihen tarkoitukseen, jota varten ne on annettu: "
        "tapahtumailmoittautumisiin, uutiskirjeen tilaamiseen ja osallisuusviikon "
        "tapahtumailmoituksiin.",
        "Ilmoittautumisten henkilötiedot anonymisoidaan 90 päivän kuluttua tapahtumasta. "
        "Uutiskirjeen tilauksen voi perua jokaisen kirjeen linkistä.",
        "Sinulla on oikeus saada tietää, mitä tietoja sinusta on tallennettu, ja pyytää niiden "
        "korjaamista tai poistamista: tietosuoja@example.org.",
    ),
    "sv": (
        "Dataskyddsbeskrivning",
        "Vi behandlar personuppgifter endast för det syfte de har lämnats för: anmälningar till "
        "evenemang, prenumeration på nyhetsbrevet och anmälningar till delaktighetsveckan.",
        "Du har rätt att få veta vilka uppgifter om dig som har sparats och att begära att de "
        "rättas eller raderas: tietosuoja@example.org.",
    ),
    "en": (
        "Privacy notice",
        "We process personal data only for the purpose it was given for: event registrations, "
        "newsletter subscriptions and participation-week submissions.",
        "You have the right to know what data about you is stored and to ask for it to be "
        "corrected or erased: tietosuoja@example.org.",
    ),
}


def page_texts(page_class, slugs, texts):
    """The fields per language of a page from its slugs and texts: (title, lead,
    *body parts); a page type without a body takes the title and lead only."""
    fields = {}
    for language, (title, lead, *rest) in texts.items():
        fields[language] = {"slug": slugs[language], "title": title, "lead": lead}
        if hasattr(page_class, "body"):
            fields[language]["body"] = body_of(rest)
    return fields


def add_highlights(home, pages):
    """Highlight cards on a home page that has none yet, published before it is translated."""
    if home.highlights:
        return
    home.highlights = [("highlight", {"page": page, "title": "", "text": ""}) for page in pages]
    home.save_revision().publish()


def ensure_people():
    regions = {region.slug: region for region in Region.objects.all()}
    people = {}
    for name, titles, organisation, region, role, email, phone in PEOPLE:
        people[email] = factories.person(
            email,
            name=name,
            title=titles["fi"],
            title_sv=titles["sv"],
            title_en=titles["en"],
            organisation=organisation,
            region=regions.get(region),
            role=role,
            phone=phone,
        )
    return people


@demo_loader(order=5)
def load_taxonomies(stdout):
    factories.regions(REGION_ROWS)
    factories.terms(Theme, THEMES)
    factories.terms(TargetGroup, TARGET_GROUPS)
    stdout.write("Regions, themes and target groups: ok")


@demo_loader(order=10)
def load(stdout):
    home = factories.home_page(**HOME["fi"])
    site = Site.objects.get(is_default_site=True)
    # Children in menu order; the events and newsletters apps add their indexes after these.
    pages = [
        (NewsIndexPage, NEWS_INDEX_SLUGS, NEWS_INDEX, True),
        (ResearchIndexPage, RESEARCH_INDEX_SLUGS, RESEARCH_INDEX, True),
        (StandardPage, ABOUT_SLUGS, ABOUT, True),
        (ContactsPage, CONTACTS_SLUGS, CONTACTS, True),
        (StandardPage, ACCESSIBILITY_SLUGS, ACCESSIBILITY, False),
        (StandardPage, PRIVACY_SLUGS, PRIVACY, False),
    ]
    fields = [page_texts(page_class, slugs, texts) for page_class, slugs, texts, _ in pages]
    # The Finnish pages and the home page's highlights first, so the translations of the
    # home page copy them; then the translations, under the translated home pages.
    finnish = [
        factories.ensure_child(home, page_class, **texts["fi"], show_in_menus=in_menu)
        for (page_class, _slugs, _texts, in_menu), texts in zip(pages, fields, strict=True)
    ]
    _news_index, research_index, about, contacts, accessibility, privacy = finnish
    add_highlights(home, [research_index, about, contacts])
    for language in TRANSLATIONS:
        factories.translate(home, language, **HOME[language])
    for page, texts in zip(finnish, fields, strict=True):
        for language in TRANSLATIONS:
            factories.translate(page, language, **texts[language])
    for slugs, texts in ABOUT_CHILDREN:
        factories.translated_page(
            about, StandardPage, page_texts(StandardPage, slugs, texts), show_in_menus=True
        )

    site_settings = SiteSettings.for_site(site)
    if not site_settings.contact_email:
        site_settings.contact_email = "sokra@example.org"
        site_settings.contact_phone = "+358 40 123 4567"
        site_settings.postal_address = "Terveyden ja hyvinvoinnin laitos\nPL 30, 00271 Helsinki"
        site_settings.facebook_url = "https://www.facebook.com/example.org"
        site_settings.x_url = "https://x.com/example_org"
        site_settings.accessibility_page = accessibility
        site_settings.privacy_page = privacy
        site_settings.save()
    stdout.write("Home, indexes, about, contacts, accessibility statement and privacy notice: ok")


@demo_loader(order=11)
def load_news(stdout):
    news_index = NewsIndexPage.objects.get(slug=NEWS_INDEX_SLUGS["fi"], locale__language_code="fi")
    people = ensure_people()
    for slug, date, tags, authors, texts, body in NEWS:
        title, lead = texts["fi"]
        # No hero image: a card without a picture reads better than the same
        # placeholder on every item.
        article = factories.news_page(
            news_index,
            slug,
            tags=tags,
            authors=[people[email] for email in authors],
            title=title,
            lead=lead,
            date=date,
            body=paragraphs(*body),
        )
        for language in TRANSLATIONS:
            title, lead = texts[language]
            factories.translate(
                article,
                language,
                slug=slugify(title),
                title=title,
                lead=lead,
                body=paragraphs(lead),
            )
    stdout.write(f"News ({len(NEWS)} articles) and people ({len(PEOPLE)}): ok")


def research_item(themes, title, authors, publication, year, summary, link, open_access, topic):
    """A research item's fields from its row; `link` is its URL, DOI or URN."""
    return {
        "title": title,
        "authors": authors,
        "publication": publication,
        "year": year,
        "summary": summary,
        "open_access": open_access,
        "topic": themes.get(topic),
        **link,
    }


@demo_loader(order=12)
def load_research(stdout):
    research_index = ResearchIndexPage.objects.get(
        slug=RESEARCH_INDEX_SLUGS["fi"], locale__language_code="fi"
    )
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    for slug, issue_date, texts, intro, items in RESEARCH:
        title, lead = texts["fi"]
        issue = factories.research_message(
            research_index,
            slug,
            title=title,
            lead=lead,
            issue_date=issue_date,
            intro=f"<p>{intro}</p>",
            items=[research_item(themes, *item) for item in items],
        )
        for language in TRANSLATIONS:
            title, lead = texts[language]
            factories.translate(issue, language, slug=slugify(title), title=title, lead=lead)
    stdout.write(f"Research messages ({len(RESEARCH)} issues): ok")
