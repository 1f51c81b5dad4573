"""Wagtail admin strings that Wagtail's own Finnish and Swedish catalogs lack (seen in
the page editor). Marked here so `makemessages` keeps them in the cms catalog, which
comes first in INSTALLED_APPS and so translates them in Wagtail's templates too."""

from django.utils.translation import gettext_noop

WAGTAIL_STRINGS_MISSING_IN_FI_SV = [
    gettext_noop("Autosave is paused"),
    gettext_noop("Saved"),
]
