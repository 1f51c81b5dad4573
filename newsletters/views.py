"""Public views: subscribe (double opt-in), confirm, preferences and unsubscribe.

Links carry signed, expiring tokens with ids only. A bad link gets a friendly page
with status 400; the RFC 8058 one-click POST always answers 200.
"""

from django.core import signing
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from cms.client_address import client_address
from cms.ratelimit import too_many_requests
from newsletters.emails import unsubscribe_address
from newsletters.forms import PreferencesForm, SubscribeForm
from newsletters.models import MailingList, Subscriber
from newsletters.services import subscriptions
from newsletters.services.tracking import record_unsubscribe
from newsletters.tokens import make_token, read_token


def invalid_link(request):
    return render(request, "newsletters/link_invalid.html", status=400)


@require_http_methods(["GET", "POST"])
def subscribe(request):
    if request.method == "GET":
        form = SubscribeForm(prefix="subscribe")
        return render(request, "newsletters/subscribe.html", {"form": form})
    form = SubscribeForm(request.POST, prefix="subscribe")
    if not form.is_valid():
        return render(request, "newsletters/subscribe.html", {"form": form}, status=400)
    # Counted for every accepted form, known address or not, so the answer tells
    # nothing about who is subscribed.
    if subscriptions.PER_CLIENT.hit(client_address(request)):
        message = _("Too many subscriptions from your network. Please try again in an hour.")
        return too_many_requests(request, message, retry_after=subscriptions.PER_CLIENT.window)
    if not form.is_spam():
        data = form.cleaned_data
        subscriptions.request_subscription(
            data["email"],
            data["mailing_lists"],
            name=data["name"],
            organisation=data["organisation"],
            region=data["region"],
            language=get_language(),
            source=data["source"] or request.path,
        )
    return redirect("newsletters:subscribe_thanks")


def subscribe_thanks(request):
    return render(request, "newsletters/subscribe_thanks.html")


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """GET shows a button, POST confirms: link scanners that open every link in a
    mail must not subscribe anyone."""
    try:
        subscriber_id, list_ids, _issue = read_token("confirm", token)
    except signing.BadSignature:
        return invalid_link(request)
    if request.method == "GET":
        lists = MailingList.objects.filter(pk__in=list_ids)
        return render(request, "newsletters/confirm.html", {"mailing_lists": lists})
    confirmed = subscriptions.confirm(subscriber_id, list_ids)
    return render(
        request,
        "newsletters/confirmed.html",
        {
            "mailing_lists": confirmed,
            "preferences_url": reverse(
                "newsletters:preferences", args=[make_token("preferences", subscriber_id)]
            ),
        },
    )


@require_http_methods(["GET", "POST"])
def preferences(request, token):
    try:
        subscriber_id, _lists, _issue = read_token("preferences", token)
    except signing.BadSignature:
        return invalid_link(request)
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None:
        return invalid_link(request)
    if request.method == "POST" and "unsubscribe_all" in request.POST:
        subscriptions.unsubscribe(subscriber.pk)
        return render(request, "newsletters/unsubscribed.html", {"everything": True})
    form = PreferencesForm(subscriber, request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            subscriptions.update_preferences(
                subscriber, form.cleaned_data["mailing_lists"], form.cleaned_data["language"]
            )
            return render(request, "newsletters/preferences_saved.html")
        return render(request, "newsletters/preferences.html", {"form": form}, status=400)
    return render(request, "newsletters/preferences.html", {"form": form})


@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """RFC 8058: a POST unsubscribes at once, without login, CSRF token or confirmation.
    A GET, which mail previews and link scanners make, only shows the button. A link
    that does not work says so and what to do instead; it never claims an unsubscribe
    that did not happen."""
    try:
        subscriber_id, list_ids, issue_id = read_token("unsubscribe", token)
    except signing.BadSignature:
        context = {"address": unsubscribe_address()}
        return render(request, "newsletters/unsubscribe_invalid.html", context, status=400)
    if request.method == "GET":
        lists = MailingList.objects.filter(pk__in=list_ids)
        return render(request, "newsletters/unsubscribe.html", {"mailing_lists": lists})
    if subscriptions.unsubscribe(subscriber_id, list_ids or None) and issue_id:
        record_unsubscribe(issue_id, subscriber_id)
    return render(request, "newsletters/unsubscribed.html")
