"""The personal-data registry (pretix calls its counterpart "data shredders").

Every app registers, in its AppConfig.ready, each model that holds personal data: why it
is kept, for how long, and the functions that export, erase and expire it. A member's
own download and deletion, the admin's "Export" and "Erase" actions and the retention
job all walk this registry, so an app added later cannot be forgotten: a test fails
for any model with an e-mail field or a link to a member that is neither registered
here nor exempted with a reason.

The registry knows nothing of the apps. Export and erase functions receive the
*subject*: the network's member record, of which they may use `pk`, `email` and `name`.

Other components keep records *about* those rows: Wagtail's admin log labels each entry
with the row as it read then (a subscriber's address), revisions copy the whole row,
form submissions hold what was typed. An entry's `rows` function names the subject's
rows of its model; erasure collects them before anything changes, erases every entry,
then hands them to each *trace* eraser (`register_traces`), which forgets what its
component kept about those rows or that quotes the subject's address.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone


@dataclass(frozen=True)
class PersonalData:
    """One model's personal data and what may be done with it."""

    model: type
    purpose: str
    retention: str
    export: Callable  # (subject) -> list of JSON-ready dicts
    erase: Callable  # (subject) -> number of rows erased or anonymised
    expire: Callable | None = None  # (now) -> rows anonymised because their time is up
    erase_order: int = 0  # higher erases later (the member record itself goes last)
    rows: Callable | None = None  # (subject) -> queryset of the subject's rows of model

    @property
    def label(self):
        return self.model._meta.label

    @property
    def title(self):
        return self.model._meta.verbose_name_plural


@dataclass(frozen=True)
class Traces:
    """What a component keeps about registered rows, outside their own tables."""

    name: str  # e.g. "wagtailcore.ModelLogEntry"
    erase: Callable  # (subject, held) -> rows touched; held: {model: [pk, ...]}


_entries: dict[str, PersonalData] = {}
_exempt: dict[str, str] = {}
_traces: dict[str, Traces] = {}


def register(model, *, purpose, retention, export, erase, expire=None, erase_order=0, rows=None):
    """Declare that `model` holds personal data; call once from the app's ready().
    `rows(subject)` returns the subject's rows, so their traces can be found."""
    entry = PersonalData(model, purpose, retention, export, erase, expire, erase_order, rows)
    _entries[entry.label] = entry
    return entry


def register_traces(name, *, erase):
    """Declare a component that keeps records about registered rows (an audit log,
    revisions): `erase(subject, held)` runs after every entry is erased."""
    _traces[name] = Traces(name, erase)


def exempt(model, reason):
    """Declare that `model`'s e-mail field is not a member's personal data, and why."""
    _exempt[model._meta.label] = reason


def entries():
    return sorted(_entries.values(), key=lambda entry: (entry.erase_order, entry.label))


def covers(model):
    """Whether the registry knows what to do with this model's personal data."""
    label = model._meta.label
    return label in _entries or label in _exempt


def export_subject(subject):
    """Everything held about the subject, by model: purpose, retention and the rows."""
    return {
        entry.label: {
            "purpose": str(entry.purpose),
            "retention": str(entry.retention),
            "records": entry.export(subject),
        }
        for entry in entries()
    }


def held_rows(subject):
    """The primary keys of the subject's rows, per registered model that can name them."""
    held = {}
    for entry in entries():
        if entry.rows is not None:
            held[entry.model] = list(entry.rows(subject).values_list("pk", flat=True))
    return held


def erase_subject(subject):
    """Erase or anonymise the subject's data in every app, then what other components
    keep about it, all or nothing. Returns the number of rows touched per model (no
    personal data)."""
    with transaction.atomic():
        held = held_rows(subject)  # before erasure changes the addresses they are found by
        counts = {entry.label: entry.erase(subject) for entry in entries()}
        for traces in _traces.values():
            counts[traces.name] = traces.erase(subject, held)
        return counts


def apply_retention(now=None):
    """Anonymise whatever has outlived its retention period, in every app."""
    now = now or timezone.now()
    return {entry.label: entry.expire(now) for entry in entries() if entry.expire is not None}
