"""Directory rows and pages for tests; seeded through tests.factories."""

import datetime

import factory
import wagtail_factories

from cms.models import Region, TargetGroup, Theme
from network.models import (
    Organisation,
    PracticeModel,
    PracticeModelIndexPage,
    Project,
    ProjectDirectoryPage,
)


class OrganisationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Organisaatio {n} ry")
    kind = Organisation.Kind.NGO

    class Meta:
        model = Organisation


class ProjectFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Hanke {n}")
    organisation = factory.SubFactory(OrganisationFactory)
    start_date = datetime.date(2020, 1, 1)
    end_date = datetime.date(2030, 12, 31)
    summary = "Hanke edistää osallisuutta."

    class Meta:
        model = Project
        skip_postgeneration_save = True

    @factory.post_generation
    def regions(self, create, extracted, **kwargs):
        if extracted:
            self.regions.set(extracted)

    @factory.post_generation
    def target_groups(self, create, extracted, **kwargs):
        if extracted:
            self.target_groups.set(extracted)

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if extracted:
            self.themes.set(extracted)


class PracticeModelFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Toimintamalli {n}")
    summary = "Lyhyt kuvaus."
    description = "Pidempi kuvaus mallista."

    class Meta:
        model = PracticeModel
        skip_postgeneration_save = True

    @factory.post_generation
    def projects(self, create, extracted, **kwargs):
        if extracted:
            self.projects.set(extracted)

    @factory.post_generation
    def themes(self, create, extracted, **kwargs):
        if extracted:
            self.themes.set(extracted)


class ProjectDirectoryPageFactory(wagtail_factories.PageFactory):
    title = "Hankkeet"
    slug = "hankkeet"
    show_in_menus = True

    class Meta:
        model = ProjectDirectoryPage


class PracticeModelIndexPageFactory(wagtail_factories.PageFactory):
    title = "Osallisuuden palaset"
    slug = "palaset"
    show_in_menus = True

    class Meta:
        model = PracticeModelIndexPage


def region(slug, name, kind=Region.Kind.WELLBEING_COUNTY, parent=None):
    return Region.objects.create(slug=slug, name_fi=name, name_sv=name, kind=kind, parent=parent)


def taxonomy(model, slug, name):
    return model.objects.create(slug=slug, name_fi=name, name_sv=name)


def target_group(slug, name):
    return taxonomy(TargetGroup, slug, name)


def theme(slug, name):
    return taxonomy(Theme, slug, name)
