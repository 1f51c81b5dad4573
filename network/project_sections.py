"""Sections other apps add to a project's page, so `network` never imports them.

An app that knows something about projects (events: the project's events) registers a
function here from its AppConfig.ready(); the project page renders every section that
returns content. The function takes (request, project) and returns
(template name, context) or None when it has nothing to show.
"""

_sections = []


def register_project_section(function):
    if function not in _sections:
        _sections.append(function)
    return function


def project_sections(request, project):
    """[(template name, context)] of the registered sections that have content."""
    found = (section(request, project) for section in _sections)
    return [section for section in found if section]
