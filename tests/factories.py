"""Factory-boy factories shared by every app's tests. Seeded, so data is the same on every
run. The site itself (`make_site`, `translate`) comes from `cms.factories`, as the demo's
does."""

import factory
import wagtail_factories
from factory import random as factory_random

from cms.models import StandardPage

factory_random.reseed_random("sokra")


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Sivu {n}")
    lead = "Lyhyt johdanto."
    show_in_menus = True

    class Meta:
        model = StandardPage
