"""Readable, unique web addresses for directory rows (projects, practice models)."""

from django.utils.text import slugify

MAX_LENGTH = 80


def unique_slug(instance, text):
    """`text` as a slug unique among `instance`'s model, with -2, -3… added on a clash."""
    base = slugify(text)[:MAX_LENGTH].strip("-") or "x"
    others = type(instance)._default_manager.exclude(pk=instance.pk)
    taken = set(others.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug = f"{base}-{number}"
        number += 1
    return slug
