"""The newsletters app's section of a member's own page (network.members.my_page): the lists
they are on, each with a link to the newsletters' own preferences page."""

from django.db.models import Q
from django.urls import reverse

from network.members import my_page
from newsletters.models import Subscriber
from newsletters.tokens import make_token


def subscriptions_context(request, member):
    subscribers = Subscriber.objects.filter(
        Q(member=member) | Q(email__iexact=member.email)
    ).prefetch_related("subscriptions__mailing_list")
    rows = [
        {
            "subscriptions": list(subscriber.subscriptions.all()),
            "preferences_url": reverse(
                "newsletters:preferences", args=[make_token("preferences", subscriber.pk)]
            ),
        }
        for subscriber in subscribers
    ]
    return {"rows": rows, "subscribe_url": reverse("newsletters:subscribe")}


def register():
    my_page.register_section(
        "subscriptions",
        template="newsletters/my_page/subscriptions.html",
        context=subscriptions_context,
        order=20,
    )
