"""What Wagtail keeps about a person's rows, forgotten with them (`cms.privacy` traces).

- **The admin log** (`ModelLogEntry`, `PageLogEntry`, any log model registered with
  Wagtail): an entry's label is the row's title when it was logged (a subscriber's
  address, a member's name) and its data may quote fields. Entries about the subject's
  rows keep who did what and when, but their label becomes the row's number and their
  data is emptied. An entry about any other row whose label or data quotes the
  subject's address (a subscription, labelled "address – list") is blanked the same
  way, where it quotes it.
- **Revisions**: each is a full copy of its row. Revisions of the subject's rows are
  deleted; log entries that pointed at them lose the link.
- **Form submissions** (`wagtail.contrib.forms`, when installed): a submission that
  quotes the subject's address is deleted.

Matching by address is exact (ignoring case); names are not searched across the log,
where they would hit other people and public pages that share them.
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, TextField
from django.db.models.functions import Cast

from wagtail.log_actions import registry as log_registry
from wagtail.models import Page, Revision


def _content_types(model):
    return {
        ContentType.objects.get_for_model(model, for_concrete_model=concrete).pk
        for concrete in (True, False)
    }


def _quotes(field, text):
    """A condition: the field, read as text (JSON included), contains `text`."""
    return Q(**{f"{field}_as_text__icontains": text})


def _with_text(queryset, *fields):
    return queryset.annotate(**{f"{field}_as_text": Cast(field, TextField()) for field in fields})


def _has_field(model, name):
    return any(field.name == name for field in model._meta.concrete_fields)


def _about(log_model, model, pks):
    """Log entries about these rows of `model`: a page's log points at the page, any
    other model's at its content type and number."""
    if _has_field(log_model, "page"):
        return Q(page_id__in=pks) if issubclass(model, Page) else Q(pk__in=[])
    if _has_field(log_model, "object_id"):
        keys = [str(pk) for pk in pks]
        return Q(content_type_id__in=_content_types(model), object_id__in=keys)
    return Q(pk__in=[])


def _number(entry):
    """What a blanked label says: the row's number, so staff can still follow it."""
    return f"#{entry.object_id}"


def erase_log_entries(subject, held):
    touched = 0
    for log_model in log_registry.get_log_entry_models():
        rows = log_model._base_manager.all()
        about = Q(pk__in=[])
        for model, pks in held.items():
            if pks:
                about |= _about(log_model, model, pks)
        for entry in rows.filter(about):
            rows.filter(pk=entry.pk).update(label=_number(entry), data={})
            touched += 1
        if subject.email:
            quoting = _with_text(rows.exclude(about), "label", "data").filter(
                _quotes("label", subject.email) | _quotes("data", subject.email)
            )
            for entry in quoting:
                changes = {}
                if subject.email.lower() in entry.label.lower():
                    changes["label"] = _number(entry)
                if subject.email.lower() in entry.data_as_text.lower():
                    changes["data"] = {}
                rows.filter(pk=entry.pk).update(**changes)
                touched += 1
    return touched


def erase_revisions(subject, held):
    revisions = Revision.objects.none()
    for model, pks in held.items():
        if pks:
            types = _content_types(model)
            revisions |= Revision.objects.filter(
                Q(content_type_id__in=types) | Q(base_content_type_id__in=types),
                object_id__in=[str(pk) for pk in pks],
            )
    ids = list(revisions.values_list("pk", flat=True))
    if not ids:
        return 0
    for log_model in log_registry.get_log_entry_models():
        log_model._base_manager.filter(revision_id__in=ids).update(revision=None)
    deleted, _by_model = Revision.objects.filter(pk__in=ids).delete()
    return deleted


def erase_form_submissions(subject, held):
    if not subject.email or not apps.is_installed("wagtail.contrib.forms"):
        return 0
    from wagtail.contrib.forms.models import FormSubmission

    quoting = _with_text(FormSubmission.objects.all(), "form_data").filter(
        _quotes("form_data", subject.email)
    )
    deleted, _by_model = FormSubmission.objects.filter(
        pk__in=list(quoting.values_list("pk", flat=True))
    ).delete()
    return deleted
