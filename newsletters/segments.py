"""Network audiences: narrowing a send to the subscribers who are members of some
regions, organisation kinds or projects (as Decidim's newsletter segments do).

A subscriber matches through their member record: the member's own region or their
organisation's, their organisation's kind, and the projects they take part in or
their organisation runs. Choices within one facet widen the audience (any of the
regions); facets together narrow it (a region and a kind). The segment is stored on
the send, so what was chosen is on record and a resumed send picks the same people.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.utils.translation import gettext as _

from network.models import Organisation


@dataclass(frozen=True)
class Segment:
    regions: tuple = ()
    organisation_kinds: tuple = ()
    projects: tuple = ()

    def __bool__(self):
        return bool(self.regions or self.organisation_kinds or self.projects)

    @classmethod
    def from_form(cls, data):
        return cls(
            regions=tuple(data.get("segment_regions") or ()),
            organisation_kinds=tuple(data.get("segment_organisation_kinds") or ()),
            projects=tuple(data.get("segment_projects") or ()),
        )

    @classmethod
    def of_send(cls, send):
        return cls(
            regions=tuple(send.segment_regions.all()),
            organisation_kinds=tuple(send.segment_organisation_kinds),
            projects=tuple(send.segment_projects.all()),
        )

    def narrow(self, subscribers):
        """The subscribers of `subscribers` inside the segment (may repeat rows:
        the caller's distinct() folds them)."""
        if self.regions:
            subscribers = subscribers.filter(
                Q(member__region__in=self.regions)
                | Q(member__organisation__region__in=self.regions)
            )
        if self.organisation_kinds:
            subscribers = subscribers.filter(member__organisation__kind__in=self.organisation_kinds)
        if self.projects:
            subscribers = subscribers.filter(
                Q(member__projects__in=self.projects)
                | Q(member__organisation__projects__in=self.projects)
            )
        return subscribers

    def record(self, send):
        send.segment_organisation_kinds = list(self.organisation_kinds)
        send.save(update_fields=["segment_organisation_kinds"])
        send.segment_regions.set(self.regions)
        send.segment_projects.set(self.projects)

    def describe(self):
        """The segment in words for the confirmation page and the send's record."""
        kinds = dict(Organisation.Kind.choices)
        parts = []
        if self.regions:
            parts.append(_("regions: %s") % ", ".join(str(r) for r in self.regions))
        if self.organisation_kinds:
            names = ", ".join(str(kinds.get(k, k)) for k in self.organisation_kinds)
            parts.append(_("organisation kinds: %s") % names)
        if self.projects:
            parts.append(_("projects: %s") % ", ".join(str(p) for p in self.projects))
        return "; ".join(parts)
