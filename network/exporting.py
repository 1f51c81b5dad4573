"""The directory as a CSV download: the project's public fields (Project.PUBLIC_FIELDS,
which the API lists too) under the column names the import reads, so an export can be
edited and imported back, and the project page's address. Written by cms.spreadsheets
like every export."""

from cms import spreadsheets
from cms.links import absolute_url
from network.links import DirectoryLinks
from network.models.projects import Project


def names(rows):
    return "; ".join(row.name_fi for row in rows)


# Columns whose value is not the project's attribute of the same name.
VALUES = {
    "implementer": lambda project: project.organisation.name,
    "implementer_type": lambda project: project.organisation.kind,
    "partners": lambda project: "; ".join(partner.name for partner in project.partners.all()),
    "regions": lambda project: names(project.regions.all()),
    "start_date": lambda project: project.start_date.isoformat(),
    "end_date": lambda project: project.end_date.isoformat() if project.end_date else "",
    "target_groups": lambda project: names(project.target_groups.all()),
    "themes": lambda project: names(project.themes.all()),
}


def columns():
    """The public fields, with the implementer's type after it (the import creates a
    new organisation with it) and the page's address last."""
    fields = list(Project.PUBLIC_FIELDS)
    fields.insert(fields.index("implementer") + 1, "implementer_type")
    return [*fields, "url"]


def value(project, column, links):
    if column == "url":
        return absolute_url(links.project(project))
    if column in VALUES:
        return VALUES[column](project)
    return getattr(project, column)


def project_row(project, columns, links):
    return [value(project, column, links) for column in columns]


def project_rows(projects):
    """The header and a row per project, in a fixed number of queries."""
    links = DirectoryLinks()
    header = columns()
    yield header
    found = projects.select_related("organisation").prefetch_related(
        "partners", "regions", "target_groups", "themes"
    )
    for project in found:
        yield project_row(project, header, links)


def projects_csv_response(projects, filename):
    return spreadsheets.csv_response(project_rows(projects), filename)
