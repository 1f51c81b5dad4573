"""Factories for the pages and records `cms` owns: small functions that build them from
plain data. The demo loaders are tables fed through these, and tests import them to build
the site they need, so both make pages the same way.

Each factory leaves what already exists as it is (editors may have changed it), so loading
the demo again creates nothing new. They use Django and Wagtail only: the demo is loaded
where the development tools (factory_boy) are not installed."""

from wagtail.models import Locale, Page, Site

from cms.links import site_address
from cms.models import HomePage, NewsPage, Person, Region, ResearchItem, ResearchMessagePage

TRANSLATIONS = ("sv", "en")


def ensure_child(parent, page_class, slug, **fields):
    """The live child of `parent` with `slug`, created and published if missing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = page_class(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def translate(page, language_code, **fields):
    """The live translation of `page` into `language_code` with the given field values,
    created if missing. It shares the page's translation key, so facts kept per key stay
    one; a missing translated parent is copied as it is."""
    locale, _ = Locale.objects.get_or_create(language_code=language_code)
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    translated = page.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save()
    translated.save_revision().publish()
    return translated


def translated_page(parent, page_class, texts, **facts):
    """A Finnish page under `parent` and its translations. `texts` maps each language to
    its fields (``slug`` and the words); `facts` are the Finnish page's other fields,
    which the translations copy."""
    page = ensure_child(parent, page_class, **texts["fi"], **facts)
    for language in TRANSLATIONS:
        if language in texts:
            translate(page, language, **texts[language])
    return page


def place_after(page, sibling_slug):
    """Put `page` and its translations right after the sibling `sibling_slug` (and its
    translations), so the main menu reads in the designed order. Moves nothing that is
    already in place."""
    sibling = page.get_siblings().filter(slug=sibling_slug).first()
    if sibling is None:
        return
    for translated in page.get_translations(inclusive=True):
        anchor = sibling.get_translation_or_none(translated.locale)
        if anchor is None:
            continue
        following = anchor.get_next_sibling()
        if following is None or following.pk != translated.pk:
            translated.move(anchor, pos="right")


def home_page(**fields):
    """The Finnish home page as the default site's root (at BASE_URL), replacing Wagtail's
    welcome page; an existing home page is kept."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None and isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific
    home = ensure_child(Page.get_first_root_node(), HomePage, "etusivu", **fields)
    previous_root = site.root_page if site else None
    if site is None:
        hostname, port = site_address()
        Site.objects.create(hostname=hostname, port=port, root_page=home, is_default_site=True)
    else:
        site.root_page = home
        site.site_name = "Sokra"
        site.save()
    if previous_root is not None and previous_root.pk != home.pk:
        previous_root.delete()
    return home


def make_site():
    """A default site for the test client whose root is a Finnish home page, as the demo
    sets up, with the Swedish and English locales."""
    Locale.objects.get_or_create(language_code="fi")
    root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
    home = HomePage(
        title="Osallisuutta kaikille",
        slug="etusivu",
        lead="Koordinaatiohanke virittää, verkostoi, tutkii ja viestii.",
    )
    root.add_child(instance=home)
    Site.objects.all().delete()
    Site.objects.create(hostname="testserver", port=80, root_page=home, is_default_site=True)
    for language in TRANSLATIONS:
        Locale.objects.get_or_create(language_code=language)
    return home


def terms(model, rows):
    """Named terms (themes, target groups…) from rows of (slug, Finnish, Swedish, English),
    sorted in the rows' order."""
    for order, (slug, fi, sv, en) in enumerate(rows):
        model.objects.get_or_create(
            slug=slug, defaults={"name_fi": fi, "name_sv": sv, "name_en": en, "sort_order": order}
        )
    return {term.slug: term for term in model.objects.all()}


def regions(rows):
    """Regions from rows of (slug, Finnish, Swedish, English, kind, slug of its whole); a
    region editors have already given a whole is left as it is."""
    terms(Region, [row[:4] for row in rows])
    for slug, _fi, _sv, _en, kind, whole in rows:
        Region.objects.filter(slug=slug, parent__isnull=True).update(
            kind=kind, parent=Region.objects.filter(slug=whole).first() if whole else None
        )
    return {region.slug: region for region in Region.objects.all()}


def person(email, **facts):
    """The contact person with `email`, created with `facts` if missing."""
    return Person.objects.get_or_create(email=email, defaults=facts)[0]


def news_page(index, slug, *, tags=(), authors=(), **fields):
    """A news article under `index`; its tags and authors are given when it is created."""
    existing = index.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    article = ensure_child(index, NewsPage, slug, **fields)
    article.tags.add(*tags)
    article.authors.set(authors)
    article.save_revision().publish()
    return article


def research_message(index, slug, *, items=(), **fields):
    """A research message under `index` with its research items (dicts of their fields),
    published once together."""
    existing = index.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    issue = ResearchMessagePage(slug=slug, **fields)
    for item in items:
        issue.research_items.add(ResearchItem(**item))
    index.add_child(instance=issue)
    issue.save_revision().publish()
    return issue
