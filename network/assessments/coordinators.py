"""Which shared assessments a coordinator sees.

A coordinator is a staff user with the "view shared assessments" permission whose
e-mail address is a regional coordinator's in the contacts (`cms.Person`). They see
the assessments that projects of their region (or of the counties of their regional
whole) share; the national coordination sees every region's. Everyone with the
permission sees the anonymous aggregate of all finished assessments.
"""

from django.db.models import Q

from cms.models import Person, Region
from network.models import Assessment

PERMISSION = "network.view_shared_assessment"
# An aggregate of fewer assessments could point at a single project.
AGGREGATE_MINIMUM = 5


def regions_of(user):
    """The regions whose shared assessments the user sees (a queryset)."""
    people = (
        Person.objects.filter(email__iexact=user.email) if user.email else Person.objects.none()
    )
    if people.filter(role=Person.Role.NATIONAL_COORDINATION).exists():
        return Region.objects.all()
    ids = people.filter(role=Person.Role.REGIONAL_COORDINATOR).values("region")
    return Region.objects.filter(Q(pk__in=ids) | Q(parent__in=ids))


def visible_to(user):
    """The shared assessments of the user's regions."""
    if not user.has_perm(PERMISSION):
        return Assessment.objects.none()
    return Assessment.objects.shared().in_regions(regions_of(user))


def aggregate_source():
    """Every finished assessment, for the aggregate; None when there are too few."""
    found = Assessment.objects.finished().select_related("revision").prefetch_related("answers")
    return found if found.count() >= AGGREGATE_MINIMUM else None
