"""The personal-data registry (pretix calls its counterpart "data shredders").

Every app registers, in its AppConfig.ready, each model that holds personal data: why it
is kept, for how long, and the functions that export, erase and expire it. A member's
own download and deletion, the admin's "Export" and "Erase" actions and the retention
job all walk this registry, so an app added later cannot be forgotten: a test fails
for any model with an e-mail field or a link to a member that is neither registered
here nor exempted with a reason.

The registry knows nothing of the apps. Export and erase functions receive the
*subject*: the network's member record, of which they may use `pk` and `email`.
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

    @property
    def label(self):
        return self.model._meta.label

    @property
    def title(self):
        return self.model._meta.verbose_name_plural


_entries: dict[str, PersonalData] = {}
_exempt: dict[str, str] = {}


def register(model, *, purpose, retention, export, erase, expire=None, erase_order=0):
    """Declare that `model` holds personal data; call once from the app's ready()."""
    entry = PersonalData(model, purpose, retention, export, erase, expire, erase_order)
    _entries[entry.label] = entry
    return entry


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


def erase_subject(subject):
    """Erase or anonymise the subject's data in every app, all or nothing. Returns the
    number of rows touched per model (no personal data)."""
    with transaction.atomic():
        return {entry.label: entry.erase(subject) for entry in entries()}


def apply_retention(now=None):
    """Anonymise whatever has outlived its retention period, in every app."""
    now = now or timezone.now()
    return {entry.label: entry.expire(now) for entry in entries() if entry.expire is not None}
