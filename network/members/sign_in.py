"""Members sign in without a password: a link e-mailed to their address.

The link's token is signed and expires after LINK_MAX_AGE. It carries only the
member's number and a digest of the address and the time of the last sign-in, so
the link opens one member's page only, stops working if the address changes, and
works once: signing in changes the last sign-in time. The signed-in member is a key
in Django's own session, not a second authentication system.
"""

from datetime import timedelta

from django.core import signing
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from network.models import Member

LINK_MAX_AGE = timedelta(minutes=30)
SESSION_AGE = timedelta(hours=8)
SESSION_KEY = "network_member_id"
_SALT = "network.member-sign-in"


def _state(member):
    """A digest of what makes a link stale: another address or a later sign-in."""
    last = member.last_sign_in_at.isoformat() if member.last_sign_in_at else ""
    return salted_hmac(_SALT, f"{member.pk}|{member.email.lower()}|{last}").hexdigest()[:32]


def make_token(member):
    return signing.dumps([member.pk, _state(member)], salt=_SALT, compress=True)


def member_from_token(token):
    """The member the link was sent to, or None when it is tampered with, expired,
    already used or meant for an address the member no longer has."""
    if len(token) > 200:
        return None
    try:
        member_id, state = signing.loads(token, salt=_SALT, max_age=LINK_MAX_AGE)
        member = Member.objects.filter(pk=int(member_id)).first()
    except (signing.BadSignature, TypeError, ValueError):
        return None
    if member is None or not constant_time_compare(str(state), _state(member)):
        return None
    return member


def sign_in(request, member):
    """Spend the link and make the session the member's (a fresh session key, so a
    session fixed before the sign-in is worth nothing)."""
    member.last_sign_in_at = timezone.now()
    member.save(update_fields=["last_sign_in_at"])
    request.session.cycle_key()
    request.session[SESSION_KEY] = member.pk
    request.session.set_expiry(int(SESSION_AGE.total_seconds()))


def sign_out(request):
    request.session.pop(SESSION_KEY, None)
    request.session.cycle_key()


def current_member(request):
    """The member signed in on this session, or None."""
    member_id = request.session.get(SESSION_KEY)
    if member_id is None:
        return None
    return Member.objects.filter(pk=member_id).select_related("organisation", "region").first()
