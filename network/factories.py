"""Factories for the records `network` owns, from plain data: organisations, projects and
practice models. The demo loader feeds its tables through these and tests may import
them; like `cms.factories`, each leaves a record that already exists as it is (editors
may have changed it), so loading the demo again creates nothing new."""

import datetime

from cms.models import TargetGroup, Theme
from network.models import Organisation, ParticipationArea, PracticeModel, Project


def organisation(name, **facts):
    """The organisation called `name`, created with `facts` if missing."""
    return Organisation.objects.get_or_create(name=name, defaults=facts)[0]


def project(
    name,
    *,
    organisation,
    years,
    partners=(),
    regions=(),
    target_groups=(),
    themes=(),
    **facts,
):
    """The project called `name`, run by `organisation` over `years` (first, last), with
    its partners and regions (records) and target groups and themes (slugs), created with
    `facts` if missing."""
    record, created = Project.objects.get_or_create(
        name=name,
        defaults={
            "organisation": organisation,
            "start_date": datetime.date(years[0], 1, 1),
            "end_date": datetime.date(years[1], 12, 31),
            **facts,
        },
    )
    if created:
        record.partners.set(partners)
        record.regions.set(regions)
        record.target_groups.set(TargetGroup.objects.filter(slug__in=target_groups))
        record.themes.set(Theme.objects.filter(slug__in=themes))
    return record


def practice_model(
    name, *, projects=(), themes=(), participation_areas=(), target_groups=(), **facts
):
    """The practice model called `name`, from the projects named, with themes,
    participation areas and target groups (slugs), created with `facts` if missing."""
    model, created = PracticeModel.objects.get_or_create(name=name, defaults=facts)
    if created:
        model.projects.set(Project.objects.filter(name__in=projects))
        model.themes.set(Theme.objects.filter(slug__in=themes))
        model.participation_areas.set(
            ParticipationArea.objects.filter(slug__in=participation_areas)
        )
        model.target_groups.set(TargetGroup.objects.filter(slug__in=target_groups))
    return model
