"""Demo content: the registry each app adds its loader to, and helpers to build pages.

`manage.py load_demo_content` imports every installed app's ``demo_content`` module
and runs the loaders registered here in order, so `cms` never imports the other apps.
"""

from dataclasses import dataclass, field


@dataclass(order=True)
class DemoLoader:
    order: int
    name: str = field(compare=False)
    function: object = field(compare=False)


_loaders = []


def demo_loader(order):
    """Register a function ``load(stdout)`` that creates demo content idempotently."""

    def register(function):
        name = f"{function.__module__}.{function.__name__}"
        if all(loader.name != name for loader in _loaders):
            _loaders.append(DemoLoader(order, name, function))
        return function

    return register


def registered_loaders():
    return sorted(_loaders)


def ensure_child(parent, page_class, slug, **fields):
    """The live child of `parent` with `slug`, created and published if missing.

    An existing page is left as editors may have changed it.
    """
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = page_class(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def ensure_translation(page, language_code, **fields):
    """The live translation of `page` into `language_code`, created if missing."""
    from wagtail.models import Locale

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
