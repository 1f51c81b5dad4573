from urllib.parse import urlencode

from django import template

from network.assessments import numbers
from network.links import links_for

register = template.Library()


@register.simple_tag(takes_context=True)
def project_url(context, project):
    return links_for(context["request"]).project(project)


@register.simple_tag(takes_context=True)
def region_url(context, region):
    return links_for(context["request"]).region(region)


@register.simple_tag(takes_context=True)
def practice_model_url(context, model):
    return links_for(context["request"]).practice_model(model)


@register.simple_tag(takes_context=True)
def project_directory_url(context, **filters):
    """The directory, filtered: {% project_directory_url region=slug %}."""
    base = links_for(context["request"]).directory()
    query = urlencode({key: value for key, value in filters.items() if value})
    return f"{base}?{query}" if query else base


@register.filter
def assessment_mean(value):
    """A mean rating as the chart writes it (network.assessments.numbers)."""
    return numbers.mean(value)


@register.filter
def assessment_change(value):
    """A change between stages, signed, as precise as the means."""
    return numbers.change(value)
