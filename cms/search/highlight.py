"""The words of a result that matched the query, marked for the reader."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from cms.search.stemming import search_key

WORD_OR_OTHER = re.compile(r"(\w+)")


def highlight(text, keys, language_code):
    """`text`, escaped, with each word whose search key is one of `keys` in `<mark>`: the words
    the reader searched for, in whatever form the page writes them."""
    parts = WORD_OR_OTHER.split(text or "")
    marked = [
        f"<mark>{escape(part)}</mark>"
        if index % 2 and search_key(part, language_code) in keys
        else escape(part)
        for index, part in enumerate(parts)
    ]
    return mark_safe("".join(marked))  # noqa: S308 (every part escaped above)
