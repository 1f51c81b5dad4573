"""Finnish demo content for the pages `cms` owns: home, about, contacts and the
accessibility statement and privacy notice every Finnish public-sector site must have."""

from wagtail.models import Page, Site
from wagtail.rich_text import RichText

from cms.demo import demo_loader, ensure_child, ensure_translation
from cms.demo_taxonomies import REGIONS, TARGET_GROUPS, THEMES, ensure_names
from cms.models import HomePage, Region, SiteSettings, StandardPage, TargetGroup, Theme


def paragraphs(*texts):
    return [("paragraph", RichText("".join(f"<p>{text}</p>" for text in texts)))]


def section(heading, *texts):
    return [("heading", {"text": heading, "level": "h2"}), *paragraphs(*texts)]


HOME = {
    "fi": {
        "title": "Osallisuutta kaikille",
        "lead": "Sosiaalisen osallisuuden edistämisen koordinaatiohanke virittää, verkostoi, "
        "tutkii ja viestii. Tuemme noin 470 hanketta, jotka edistävät työelämän ulkopuolella "
        "olevien osallisuutta ja torjuvat köyhyyttä.",
    },
    "sv": {
        "title": "Delaktighet för alla",
        "lead": "Samordningsprojektet för främjande av social delaktighet stämmer av, nätverkar, "
        "forskar och kommunicerar. Vi stöder cirka 470 projekt runt om i Finland.",
    },
    "en": {
        "title": "Inclusion for everyone",
        "lead": "The coordination project for social inclusion tunes, networks, researches and "
        "communicates. We support some 470 projects across Finland that promote the inclusion "
        "of people outside working life.",
    },
}

ABOUT_SLUGS = {"fi": "tietoa-meista", "sv": "om-oss", "en": "about-us"}
CONTACTS_SLUGS = {"fi": "yhteystiedot", "sv": "kontakt", "en": "contact"}
ACCESSIBILITY_SLUGS = {
    "fi": "saavutettavuusseloste",
    "sv": "tillganglighetsutlatande",
    "en": "accessibility-statement",
}
PRIVACY_SLUGS = {"fi": "tietosuojaseloste", "sv": "dataskydd", "en": "privacy-notice"}

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

CONTACTS = {
    "fi": (
        "Yhteystiedot",
        "Ota yhteyttä koordinaatiohankkeen työntekijöihin ja aluekoordinaattoreihin.",
    ),
    "sv": ("Kontaktuppgifter", "Kontakta samordningsprojektets personal och regionkoordinatorer."),
    "en": ("Contact", "Get in touch with the coordination team and the regional coordinators."),
}

ACCESSIBILITY = {
    "fi": (
        "Saavutettavuusseloste",
        "Tämä saavutettavuusseloste koskee sivustoa ja on laadittu digitaalisten palvelujen "
        "tarjoamisesta annetun lain mukaisesti. Sivusto täyttää WCAG 2.1 -kriteeristön "
        "A- ja AA-tason vaatimukset.",
        "Jos huomaat sivustolla saavutettavuuspuutteen, kerro siitä meille sähköpostilla "
        "osoitteeseen saavutettavuus@example.org. Vastaamme 14 päivän kuluessa.",
        "Jos et ole tyytyväinen saamaasi vastaukseen, voit tehdä ilmoituksen Etelä-Suomen "
        "aluehallintovirastoon (Liikenne- ja viestintävirasto Traficomin "
        "saavutettavuusvalvonta).",
    ),
    "sv": (
        "Tillgänglighetsutlåtande",
        "Detta tillgänglighetsutlåtande gäller webbplatsen och har utarbetats enligt lagen om "
        "tillhandahållande av digitala tjänster. Webbplatsen uppfyller kraven i WCAG 2.1 på "
        "nivå A och AA.",
        "Om du upptäcker brister i tillgängligheten, meddela oss på "
        "saavutettavuus@example.org. Vi svarar inom 14 dagar.",
    ),
    "en": (
        "Accessibility statement",
        "This accessibility statement applies to this website and was drawn up under the Act "
        "on the Provision of Digital Services. The site meets WCAG 2.1 levels A and AA.",
        "If you notice an accessibility problem, tell us at saavutettavuus@example.org. "
        "We answer within 14 days.",
    ),
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


def standard_page(home, slugs, texts, in_menu):
    """A Finnish standard page under `home` with its Swedish and English translations;
    `slugs` holds the page's slug in each language."""
    title, lead, *rest = texts["fi"]
    page = ensure_child(
        home,
        StandardPage,
        slugs["fi"],
        title=title,
        lead=lead,
        body=paragraphs(*rest) if rest else [],
        show_in_menus=in_menu,
    )
    for language in ("sv", "en"):
        title, lead, *rest = texts[language]
        ensure_translation(
            page, language, slug=slugs[language], title=title, lead=lead, body=paragraphs(*rest)
        )
    return page


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
        body=section(
            "Mitä teemme",
            "Järjestämme webinaareja, etäkahviloita ja työpajoja hankkeiden työntekijöille, "
            "kokoamme osallisuutta edistäviä toimintamalleja ja julkaisemme kuukausittain "
            "tutkimusviestin uusimmasta osallisuustutkimuksesta.",
        ),
        **HOME["fi"],
    )
    previous_root = site.root_page if site else None
    if site is None:
        site = Site.objects.create(
            hostname="localhost", port=80, root_page=home, is_default_site=True
        )
    else:
        site.root_page = home
        site.site_name = "Sokra"
        site.save()
    if previous_root is not None and previous_root.pk != home.pk:
        previous_root.delete()
    return home, site


@demo_loader(order=5)
def load_taxonomies(stdout):
    ensure_names(Region, REGIONS)
    ensure_names(Theme, THEMES)
    ensure_names(TargetGroup, TARGET_GROUPS)
    stdout.write("Regions, themes and target groups: ok")


@demo_loader(order=10)
def load(stdout):
    home, site = ensure_home()
    for language in ("sv", "en"):
        ensure_translation(home, language, **HOME[language])
    standard_page(home, ABOUT_SLUGS, ABOUT, in_menu=True)
    standard_page(home, CONTACTS_SLUGS, CONTACTS, in_menu=True)
    accessibility = standard_page(home, ACCESSIBILITY_SLUGS, ACCESSIBILITY, in_menu=False)
    privacy = standard_page(home, PRIVACY_SLUGS, PRIVACY, in_menu=False)

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
    stdout.write("Home, about, contacts, accessibility statement and privacy notice: ok")
