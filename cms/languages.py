"""Text in a language other than the reader's, marked up so screen readers switch voice
(WCAG 3.1.2): Finnish names, list names and untranslated pages on the Swedish and
English sites. The template tags in `cms.templatetags.language_tags` use these."""

from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import get_language, pgettext


def active_language():
    return (get_language() or settings.LANGUAGE_CODE).split("-")[0]


def in_language_name(code):
    """ "in Finnish" in the reader's language, for a link to a page in `code`."""
    names = {
        "fi": pgettext("in language", "in Finnish"),
        "sv": pgettext("in language", "in Swedish"),
        "en": pgettext("in language", "in English"),
    }
    return names.get(code, "")


def in_language(text, language_code=None):
    """`text` wrapped in ``<span lang="…">`` when it is not in the active language
    (Finnish unless told)."""
    language_code = language_code or settings.LANGUAGE_CODE
    if not text or language_code == active_language():
        return text or ""
    return format_html('<span lang="{}">{}</span>', language_code, text)


def title_in_language(title, language_code):
    """A link text for a page in `language_code`: as it is in the reader's language,
    otherwise marked and followed by "(in Finnish)" in the reader's language."""
    if language_code == active_language():
        return title
    return format_html(
        '{} <span class="language-note">({})</span>',
        in_language(title, language_code),
        in_language_name(language_code),
    )
