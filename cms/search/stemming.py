"""Word stems in a page's own language, so that an inflected word finds its page.

Both the index and the query go through `search_keys`: a page's search document holds, besides
its words, the key of each word (its Snowball stem in the page's language), and a query asks for
the keys of its words in the reader's language, which is the language of the pages searched.
Doing it here rather than in the database makes SQLite (no stemming) and PostgreSQL behave alike,
and stems Swedish and English pages in their own language."""

import re
import threading
from functools import lru_cache

from django.db.models import Manager

from wagtail.search import index

import snowballstemmer

WORD = re.compile(r"\w+")
SNOWBALL_NAMES = {"fi": "finnish", "sv": "swedish", "en": "english"}
FINNISH_STEM_VOWELS = "aeiouyäö"


_stemmers = threading.local()


def stemmer(language_code):
    """This thread's Snowball stemmer for the language (a stemmer keeps state while it
    works, so threads do not share one), or None for a language Snowball lacks."""
    name = SNOWBALL_NAMES.get(language_code.split("-")[0])
    if name is None:
        return None
    if not hasattr(_stemmers, name):
        setattr(_stemmers, name, snowballstemmer.stemmer(name))
    return getattr(_stemmers, name)


def words(text):
    """The words of `text` as the search backends split them (letters and digits)."""
    return WORD.findall(text)


@lru_cache(maxsize=20_000)
def search_key(word, language_code):
    """The key under which `word` is indexed and searched in `language_code`.

    Finnish changes the stem's last vowel in the plural ("kahvila", "kahviloissa") and Snowball
    keeps that vowel ("kahvil", "kahvilo"), so a Finnish key drops the stem's final vowels."""
    word = word.lower()
    language_stemmer = stemmer(language_code)
    if language_stemmer is None:
        return word
    stem = language_stemmer.stemWord(word)
    if language_code.startswith("fi"):
        trimmed = stem.rstrip(FINNISH_STEM_VOWELS)
        stem = trimmed if len(trimmed) >= 3 else stem
    return stem


def search_keys(text, language_code):
    """The keys of the words of `text`, each once, in the order they first appear."""
    return list(dict.fromkeys(search_key(word, language_code) for word in words(text)))


def as_text(value):
    """A search field's value as one text, as the backends join lists (StreamField) and dicts."""
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, (list, tuple)):
        return " ".join(as_text(item) for item in value)
    return "" if value is None else str(value)


class StemmedSearchField(index.SearchField):
    """A search field indexed as its words followed by their keys in the object's language
    (`language_code`); its name, boost and column stay those of the field it stands for."""

    def get_value(self, obj):
        text = as_text(super().get_value(obj))
        return " ".join([text, *search_keys(text, obj.language_code)])


def stemmed(fields):
    """`fields` with each `SearchField` stemmed; `RelatedFields` are left as they are, since
    their objects do not know the page's language (`related_texts` reads them)."""
    return [
        StemmedSearchField(field.field_name, **field.kwargs)
        if type(field) is index.SearchField
        else field
        for field in fields
    ]


def related_texts(obj, fields):
    """The text of every `SearchField` inside the `RelatedFields` of `fields` on `obj`."""
    for field in fields:
        if isinstance(field, index.RelatedFields):
            related = field.get_value(obj)
            related = related.all() if isinstance(related, Manager) else [related]
            for sub_obj in related:
                if sub_obj is None:
                    continue
                for sub_field in field.fields:
                    if isinstance(sub_field, index.SearchField):
                        yield as_text(sub_field.get_value(sub_obj))
                yield from related_texts(sub_obj, field.fields)
