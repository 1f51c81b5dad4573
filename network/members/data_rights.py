"""A member's data rights, exercised by the member on their own page or by staff in
the admin: download everything held about them, or erase it. Both go through the
personal-data registry (cms.privacy), so every app takes part, and both are logged
with the member's number only."""

from django.db import transaction
from django.utils import timezone

from cms import privacy
from network.models import MemberDataLog


def export(member, user=None):
    """Everything every app holds about the member, ready for json.dumps."""
    _log(MemberDataLog.Action.EXPORT, member.pk, user)
    return {
        "exported_at": timezone.now().isoformat(),
        "data": privacy.export_subject(member),
    }


def erase(member, user=None):
    """Erase or anonymise the member's data in every app, then the member record."""
    number = member.pk
    with transaction.atomic():
        counts = privacy.erase_subject(member)
        _log(MemberDataLog.Action.ERASE, number, user)
    return counts


def _log(action, number, user):
    MemberDataLog.objects.create(
        action=action, member_number=number, user=user if user and user.is_authenticated else None
    )
