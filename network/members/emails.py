"""The sign-in link e-mail: stored in the outbox and sent by its task, never inside
the request."""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext, override

from cms.links import absolute_url
from cms.outbox import queue_email
from network.members.sign_in import LINK_MAX_AGE, make_token


def send_sign_in_link(member, language):
    with override(language):
        url = absolute_url(reverse("network:sign_in", args=[make_token(member)]))
        context = {"member": member, "url": url, "minutes": int(LINK_MAX_AGE.total_seconds() // 60)}
        return queue_email(
            to=member.email,
            subject=gettext("Your sign-in link to My page"),
            text=render_to_string("network/emails/sign_in.txt", context),
            purpose="network.members.sign_in",
            language=language,
        )
