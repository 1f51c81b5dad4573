"""Staff import of projects and organisations from a spreadsheet, with a report of what
was created, updated and rejected (and why). Rows are matched to existing ones by name,
case-insensitively, and saved only when something differs, so importing the same file
again changes nothing. A rejected row is reported and skipped; the other rows still go in.

Project columns (the CSV download of the directory has the same names, so an export can
be edited and imported back): name, short_name, implementer, implementer_type, partners,
regions, programme, start_date, end_date, target_groups, themes, summary, goals, methods,
results, website, contact_name, contact_email. Lists are separated by semicolons;
regions, target groups and themes are given by slug or Finnish name.
Organisation columns: name, type, region, municipality, website.
"""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.translation import gettext as _

from cms.models import Region, TargetGroup, Theme
from cms.spreadsheets import read_table
from cms.validators import validate_email_address
from network.models import Organisation, Project

MAX_BYTES = 10 * 1024 * 1024
MAX_ROWS = 5000
PROJECT_FIELDS = ["short_name", "summary", "goals", "methods", "results", "website"]
PROJECT_FIELDS += ["contact_name", "contact_email"]
PROJECT_M2M = {"regions": Region, "target_groups": TargetGroup, "themes": Theme}


@dataclass
class ImportReport:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: int = 0
    rejected: list = field(default_factory=list)  # (row number, name, [reasons])
    organisations_created: list = field(default_factory=list)

    def reject(self, number, name, reasons):
        self.rejected.append((number, name, [reasons] if isinstance(reasons, str) else reasons))

    @property
    def is_empty(self):
        return not (self.created or self.updated or self.unchanged or self.rejected)


class RowError(ValueError):
    pass


def split_list(value):
    return [part.strip() for part in value.split(";") if part.strip()]


def parse_date(value, label):
    """A date as 2019-01-31 or as Finns write it, 31.1.2019."""
    for pattern in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return datetime.datetime.strptime(value, pattern).date()
        except ValueError:
            continue
    raise RowError(
        _("%(field)s “%(value)s” is not a date like 31.1.2019.")
        % {
            "field": label,
            "value": value,
        }
    )


def check_url(value):
    if value:
        try:
            URLValidator()(value)
        except ValidationError as error:
            raise RowError(
                _("Website “%(value)s” is not a web address.") % {"value": value}
            ) from error
    return value


def check_email(value):
    if value:
        try:
            validate_email_address(value)
        except ValidationError as error:
            raise RowError(_("“%(value)s” is not an e-mail address.") % {"value": value}) from error
    return value


class Lookup:
    """Taxonomy rows by slug and by Finnish name, loaded once per import."""

    def __init__(self, model):
        self.by_key = {}
        for row in model.objects.all():
            self.by_key[row.slug.lower()] = row
            self.by_key[row.name_fi.lower()] = row

    def ids(self, values, label):
        found, unknown = set(), []
        for value in values:
            row = self.by_key.get(value.lower())
            if row is None:
                unknown.append(value)
            else:
                found.add(row.pk)
        if unknown:
            raise RowError(
                _("Unknown %(field)s: %(values)s.")
                % {
                    "field": label,
                    "values": ", ".join(unknown),
                }
            )
        return found


class Importer:
    """One file's rows in one transaction: a row that cannot be imported is reported by
    its number and name, and the others are still imported."""

    def __init__(self):
        self.report = ImportReport()

    def run(self, rows):
        with transaction.atomic():
            for number, row in rows:
                name = row.get("name", "")
                try:
                    self.import_row(name, row)
                except RowError as error:
                    self.report.reject(number, name, error.args[0])
        return self.report


class ProjectImporter(Importer):
    def __init__(self):
        super().__init__()
        self.lookups = {name: Lookup(model) for name, model in PROJECT_M2M.items()}
        self.regions = self.lookups["regions"]
        self.organisations = {o.name.lower(): o for o in Organisation.objects.all()}
        self.projects = {
            p.name.lower(): p for p in Project.objects.prefetch_related("partners", *PROJECT_M2M)
        }
        self.seen = set()

    def import_row(self, name, row):
        reasons = []
        values = self.values(name, row, reasons)
        if reasons:
            raise RowError(reasons)
        self.seen.add(name.lower())
        project = self.projects.get(name.lower())
        relations = values.pop("relations")
        if project is None:
            project = Project(name=name)
            self.apply(project, values, relations, created=True)
            self.projects[name.lower()] = project
            self.report.created.append(name)
        elif self.apply(project, values, relations, created=False):
            self.report.updated.append(name)
        else:
            self.report.unchanged += 1

    def values(self, name, row, reasons):
        """The row's field values, collecting every problem into `reasons`."""
        values = {"relations": {}}
        if not name:
            reasons.append(_("The name is missing."))
        elif len(name) > 200:
            reasons.append(_("The name is longer than 200 characters."))
        elif name.lower() in self.seen:
            reasons.append(_("The same project is already on an earlier row."))
        for column, check in (
            ("implementer", self.implementer),
            ("programme", self.programme),
            ("website", check_url),
            ("contact_email", check_email),
        ):
            try:
                values[column] = check(row.get(column, ""))
            except RowError as error:
                reasons.append(error.args[0])
        try:
            values.update(self.dates(row))
        except RowError as error:
            reasons.append(error.args[0])
        for column, lookup in self.lookups.items():
            try:
                values["relations"][column] = lookup.ids(split_list(row.get(column, "")), column)
            except RowError as error:
                reasons.append(error.args[0])
        partners = [self.organisation(p, "") for p in split_list(row.get("partners", ""))]
        values["relations"]["partners"] = partners
        for column in PROJECT_FIELDS:
            if column not in values:
                values[column] = row.get(column, "")[: Project._meta.get_field(column).max_length]
        values["implementer_type"] = row.get("implementer_type", "")
        if values.get("implementer") and not reasons:
            values["organisation"] = self.organisation(
                values.pop("implementer"), values.pop("implementer_type")
            )
        return values

    def implementer(self, value):
        if not value:
            raise RowError(_("The implementing organisation is missing."))
        return value

    def programme(self, value):
        if not value:
            return Project.Programme.ESF_2014_2020
        if value not in Project.Programme.values:
            raise RowError(
                _("Unknown programme “%(value)s”; use one of %(choices)s.")
                % {"value": value, "choices": ", ".join(Project.Programme.values)}
            )
        return value

    def dates(self, row):
        start_text, end_text = row.get("start_date", ""), row.get("end_date", "")
        if not start_text:
            raise RowError(_("The start date is missing."))
        start = parse_date(start_text, _("Start date"))
        end = parse_date(end_text, _("End date")) if end_text else None
        if end and end < start:
            raise RowError(_("The project ends before it starts."))
        return {"start_date": start, "end_date": end}

    def organisation(self, name, kind):
        """The organisation of that name, created (with the given type) when new; kept
        unsaved until a valid row uses it."""
        organisation = self.organisations.get(name.lower())
        if organisation is None:
            kind = kind if kind in Organisation.Kind.values else Organisation.Kind.OTHER
            organisation = Organisation(name=name[:200], kind=kind)
            self.organisations[name.lower()] = organisation
        return organisation

    def save_organisation(self, organisation):
        if organisation.pk is None:
            organisation.save()
            self.report.organisations_created.append(organisation.name)
        return organisation

    def apply(self, project, values, relations, created):
        """Set the values; save only what differs. True when anything changed."""
        values.pop("implementer_type", None)
        values.pop("implementer", None)
        values["organisation"] = self.save_organisation(values["organisation"])
        partners = {self.save_organisation(o).pk for o in relations.pop("partners")}
        changed = created
        for name, value in values.items():
            if name == "organisation":
                if project.organisation_id != value.pk:
                    project.organisation = value
                    changed = True
            elif getattr(project, name) != value:
                setattr(project, name, value)
                changed = True
        if changed:
            project.save()
        relations["partners"] = partners
        for name, ids in relations.items():
            current = set() if created else {row.pk for row in getattr(project, name).all()}
            if current != ids:
                getattr(project, name).set(ids)
                changed = True
        return changed


class OrganisationImporter(Importer):
    def __init__(self):
        super().__init__()
        self.regions = Lookup(Region)
        self.organisations = {o.name.lower(): o for o in Organisation.objects.all()}
        self.seen = set()

    def import_row(self, name, row):
        reasons = []
        if not name:
            reasons.append(_("The name is missing."))
        elif name.lower() in self.seen:
            reasons.append(_("The same organisation is already on an earlier row."))
        kind = row.get("type", "") or Organisation.Kind.OTHER
        if kind not in Organisation.Kind.values:
            reasons.append(
                _("Unknown type “%(value)s”; use one of %(choices)s.")
                % {"value": kind, "choices": ", ".join(Organisation.Kind.values)}
            )
        region_ids = set()
        try:
            region_ids = self.regions.ids(split_list(row.get("region", "")), "region")
        except RowError as error:
            reasons.append(error.args[0])
        try:
            website = check_url(row.get("website", ""))
        except RowError as error:
            reasons.append(error.args[0])
        if reasons:
            raise RowError(reasons)
        self.seen.add(name.lower())
        values = {
            "kind": kind,
            "region_id": next(iter(region_ids), None),
            "municipality": row.get("municipality", "")[:100],
            "website": website,
        }
        organisation = self.organisations.get(name.lower())
        if organisation is None:
            Organisation.objects.create(name=name[:200], **values)
            self.report.created.append(name)
            return
        changed = {k: v for k, v in values.items() if getattr(organisation, k) != v}
        if changed:
            for key, value in changed.items():
                setattr(organisation, key, value)
            organisation.save()
            self.report.updated.append(name)
        else:
            self.report.unchanged += 1


IMPORTERS = {"projects": ProjectImporter, "organisations": OrganisationImporter}


def read_rows(upload):
    """(row number, {column: text}) for every non-empty row below the header of an
    uploaded CSV or XLSX file; cms.spreadsheets.UnreadableFile refuses the file. A line
    that cannot be read refuses the whole file rather than importing the rest: staff
    correct it and import again, and the re-import changes only what differs."""
    return read_table(upload, max_bytes=MAX_BYTES).checked_rows(max_rows=MAX_ROWS)


def import_rows(kind, rows):
    return IMPORTERS[kind]().run(rows)
