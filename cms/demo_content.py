"""Finnish demo content for the pages `cms` owns, with Swedish and English translations:
home, news, research messages, about, contacts and the accessibility statement and privacy
notice every Finnish public-sector site must have."""

from django.utils.text import slugify

from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from cms.demo import demo_loader, ensure_child, ensure_translation
from cms.demo.accessibility import ACCESSIBILITY
from cms.demo.news import NEWS, PEOPLE, RESEARCH
from cms.demo.taxonomies import TARGET_GROUPS, THEMES, ensure_names, ensure_regions
from cms.links import site_address
from cms.models import (
    ContactsPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    Person,
    Region,
    ResearchIndexPage,
    ResearchItem,
    ResearchMessagePage,
    SiteSettings,
    StandardPage,
    TargetGroup,
    Theme,
)

TRANSLATIONS = ("sv", "en")


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


def finnish_page(parent, page_class, slugs, texts, in_menu):
    """A Finnish page under `parent` from `texts`: (title, lead, *paragraphs) per language."""
    title, lead, *rest = texts["fi"]
    body = {"body": body_of(rest)} if hasattr(page_class, "body") else {}
    return ensure_child(
        parent, page_class, slugs["fi"], title=title, lead=lead, show_in_menus=in_menu, **body
    )


def translate_page(page, slugs, texts):
    """The Swedish and English translations of `page`, under their own slugs."""
    for language in TRANSLATIONS:
        title, lead, *rest = texts[language]
        body = {"body": body_of(rest)} if hasattr(page, "body") else {}
        ensure_translation(page, language, slug=slugs[language], title=title, lead=lead, **body)


def ensure_home():
    """The Finnish home page as the default site's root, replacing Wagtail's welcome page."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None and isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific, site
    root = Page.get_first_root_node()
    home = ensure_child(
        root,
        HomePage,
        "etusivu",
        **HOME["fi"],
    )
    previous_root = site.root_page if site else None
    if site is None:
        hostname, port = site_address()
        site = Site.objects.create(
            hostname=hostname, port=port, root_page=home, is_default_site=True
        )
    else:
        site.root_page = home
        site.site_name = "Sokra"
        site.save()
    if previous_root is not None and previous_root.pk != home.pk:
        previous_root.delete()
    return home, site


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
        person, _ = Person.objects.get_or_create(
            email=email,
            defaults={
                "name": name,
                "title": titles["fi"],
                "title_sv": titles["sv"],
                "title_en": titles["en"],
                "organisation": organisation,
                "region": regions.get(region),
                "role": role,
                "phone": phone,
            },
        )
        people[email] = person
    return people


@demo_loader(order=5)
def load_taxonomies(stdout):
    ensure_regions(Region)
    ensure_names(Theme, THEMES)
    ensure_names(TargetGroup, TARGET_GROUPS)
    stdout.write("Regions, themes and target groups: ok")


@demo_loader(order=10)
def load(stdout):
    home, site = ensure_home()
    # Children in menu order; the events and newsletters apps add their indexes after these.
    pages = [
        (NewsIndexPage, NEWS_INDEX_SLUGS, NEWS_INDEX, True),
        (ResearchIndexPage, RESEARCH_INDEX_SLUGS, RESEARCH_INDEX, True),
        (StandardPage, ABOUT_SLUGS, ABOUT, True),
        (ContactsPage, CONTACTS_SLUGS, CONTACTS, True),
        (StandardPage, ACCESSIBILITY_SLUGS, ACCESSIBILITY, False),
        (StandardPage, PRIVACY_SLUGS, PRIVACY, False),
    ]
    finnish = [finnish_page(home, *page) for page in pages]
    news_index, research_index, about, contacts, accessibility, privacy = finnish
    # Highlights first, so the translations of the home page copy them.
    add_highlights(home, [research_index, about, contacts])
    for language in TRANSLATIONS:
        ensure_translation(home, language, **HOME[language])
    for page, (_class, slugs, texts, _in_menu) in zip(finnish, pages, strict=True):
        translate_page(page, slugs, texts)
    for slugs, texts in ABOUT_CHILDREN:
        translate_page(finnish_page(about, StandardPage, slugs, texts, True), slugs, texts)

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
        existing = news_index.get_children().filter(slug=slug).exists()
        article = ensure_child(
            news_index, NewsPage, slug, title=title, lead=lead, date=date, body=paragraphs(*body)
        )
        if not existing:
            # No hero image: a card without a picture reads better than the same
            # placeholder on every item.
            article.tags.add(*tags)
            article.authors.set([people[email] for email in authors])
            article.save_revision().publish()
        for language in TRANSLATIONS:
            title, lead = texts[language]
            ensure_translation(
                article,
                language,
                slug=slugify(title),
                title=title,
                lead=lead,
                body=paragraphs(lead),
            )
    stdout.write(f"News ({len(NEWS)} articles) and people ({len(PEOPLE)}): ok")


@demo_loader(order=12)
def load_research(stdout):
    research_index = ResearchIndexPage.objects.get(
        slug=RESEARCH_INDEX_SLUGS["fi"], locale__language_code="fi"
    )
    themes = {theme.slug: theme for theme in Theme.objects.all()}
    for slug, issue_date, texts, intro, items in RESEARCH:
        title, lead = texts["fi"]
        if not research_index.get_children().filter(slug=slug).exists():
            issue = ResearchMessagePage(
                slug=slug, title=title, lead=lead, issue_date=issue_date, intro=f"<p>{intro}</p>"
            )
            for title_, authors, publication, year, summary, link, open_access, topic in items:
                issue.research_items.add(
                    ResearchItem(
                        title=title_,
                        authors=authors,
                        publication=publication,
                        year=year,
                        summary=summary,
                        open_access=open_access,
                        topic=themes.get(topic),
                        **link,
                    )
                )
            research_index.add_child(instance=issue)
            issue.save_revision().publish()
        issue = research_index.get_children().get(slug=slug).specific
        for language in TRANSLATIONS:
            title, lead = texts[language]
            ensure_translation(issue, language, slug=slugify(title), title=title, lead=lead)
    stdout.write(f"Research messages ({len(RESEARCH)} issues): ok")
