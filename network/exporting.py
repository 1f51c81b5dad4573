"""The directory as a CSV download: only public fields, the columns the import reads
(so an export can be edited and imported back) and the project page's address."""

import csv
import io

from cms.links import absolute_url
from network.links import DirectoryLinks

COLUMNS = [
    "name",
    "short_name",
    "implementer",
    "implementer_type",
    "partners",
    "regions",
    "programme",
    "start_date",
    "end_date",
    "status",
    "target_groups",
    "themes",
    "summary",
    "goals",
    "methods",
    "results",
    "website",
    "url",
]


def names(rows):
    return "; ".join(row.name_fi for row in rows)


def project_row(project, links):
    return [
        project.name,
        project.short_name,
        project.organisation.name,
        project.organisation.kind,
        "; ".join(partner.name for partner in project.partners.all()),
        names(project.regions.all()),
        project.programme,
        project.start_date.isoformat(),
        project.end_date.isoformat() if project.end_date else "",
        project.status,
        names(project.target_groups.all()),
        names(project.themes.all()),
        project.summary,
        project.goals,
        project.methods,
        project.results,
        project.website,
        absolute_url(links.project(project)),
    ]


def projects_csv(projects):
    """The CSV text of `projects`, in a fixed number of queries."""
    links = DirectoryLinks()
    rows = projects.select_related("organisation").prefetch_related(
        "partners", "regions", "target_groups", "themes"
    )
    output = io.StringIO()
    writer = csv.writer(output)
    writer.writerow(COLUMNS)
    for project in rows:
        writer.writerow([safe_cell(value) for value in project_row(project, links)])
    return output.getvalue()


def safe_cell(value):
    """Text a spreadsheet will not run as a formula (CSV injection)."""
    if value and value[0] in "=+-@\t\r":
        return "'" + value
    return value
