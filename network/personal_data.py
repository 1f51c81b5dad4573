"""The network app's entries in the personal-data registry (cms.privacy): a project's
contact person, and the member record itself, erased last, after every other app has
let go of it."""

from datetime import timedelta

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cms import privacy
from network.models import Member, MemberProject, Project

INACTIVE_RETENTION = timedelta(days=2 * 365)


def export_member(member):
    member = Member.objects.select_related("organisation", "region").get(pk=member.pk)
    return [
        {
            "email": member.email,
            "name": member.name,
            "organisation": str(member.organisation or ""),
            "region": str(member.region or ""),
            "projects": [str(project) for project in member.projects.all()],
            "language": member.language,
            "created_at": member.created_at.isoformat(),
            "last_signed_in_at": (
                member.last_sign_in_at.isoformat() if member.last_sign_in_at else None
            ),
        }
    ]


def _member(member):
    return Member.objects.filter(pk=member.pk)


def erase_member(member):
    """The record goes. Wagtail's log of staff edits to it stays, labelled with its
    number only (cms.privacy.wagtail_traces)."""
    deleted, _by_model = _member(member).delete()
    return deleted


def _links_to_other_apps():
    """Reverse relations other apps hold to the member (registrations, subscribers…),
    found from the model's metadata so this app need not import them."""
    return [
        relation.name
        for relation in Member._meta.related_objects
        if relation.related_model._meta.app_label != Member._meta.app_label
    ]


def expire_members(now):
    """Members nobody has heard of for two years: no sign-in, and nothing left in any
    other app pointing at them (the other apps' own retention lets go first)."""
    cutoff = now - INACTIVE_RETENTION
    idle = Member.objects.filter(created_at__lt=cutoff).filter(
        Q(last_sign_in_at__isnull=True) | Q(last_sign_in_at__lt=cutoff)
    )
    for relation in _links_to_other_apps():
        idle = idle.filter(**{f"{relation}__isnull": True})
    deleted, _by_model = idle.delete()
    return deleted


def _projects_in_contact(member):
    return Project.objects.filter(contact_email__iexact=member.email)


def export_project_contacts(member):
    return [
        {
            "project": project.name,
            "contact_name": project.contact_name,
            "contact_email": project.contact_email,
        }
        for project in _projects_in_contact(member)
    ]


def erase_project_contacts(member):
    """The project stays in the directory; only its contact person's details go."""
    return _projects_in_contact(member).update(contact_name="", contact_email="")


def register():
    privacy.register(
        Project,
        purpose=_("Telling the coordination whom to contact about a project."),
        retention=_("While the project is in the directory, or until the person asks."),
        export=export_project_contacts,
        erase=erase_project_contacts,
        rows=_projects_in_contact,
    )
    privacy.register(
        Member,
        purpose=_(
            "Knowing a person across the network's events, newsletters and participation "
            "week, so they can see, download and delete their data on their own page."
        ),
        retention=_("Until the member deletes it, or two years after they were last active."),
        export=export_member,
        erase=erase_member,
        expire=expire_members,
        erase_order=100,
        rows=_member,
    )
    privacy.exempt(
        MemberProject,
        "Which projects a member takes part in: exported with the member record and "
        "deleted with it.",
    )
