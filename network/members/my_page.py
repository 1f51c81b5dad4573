"""The sections of a member's own page, contributed by the apps that hold the data.

The network app cannot import events or newsletters (imports run one way), so each
app registers a section in its AppConfig.ready: a template and a function that builds
its context for the signed-in member. The page renders them in `order`.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    key: str
    template: str
    context: Callable  # (request, member) -> dict for the template
    order: int = 50


_sections: dict[str, Section] = {}


def register_section(key, *, template, context, order=50):
    _sections[key] = Section(key, template, context, order)


def sections_for(request, member):
    """(template, context) for each section, in page order."""
    rendered = []
    for section in sorted(_sections.values(), key=lambda s: (s.order, s.key)):
        context = {"member": member, "section_key": section.key}
        context.update(section.context(request, member))
        rendered.append((section.template, context))
    return rendered
