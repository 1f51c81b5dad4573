"""The subscribe form wherever a page offers it (the archive page, the subscribe
block). The form is built here, at render time, so the blocks and page models need
not import the forms module, which imports the models: one direction only."""

from django import template

from newsletters.forms import SubscribeForm

register = template.Library()


@register.inclusion_tag("newsletters/includes/subscribe_form.html", takes_context=True)
def subscribe_form(context):
    """An empty subscribe form; the subscribe view renders a bound one with errors."""
    return {
        "form": SubscribeForm(prefix="subscribe"),
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
    }
