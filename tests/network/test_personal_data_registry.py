"""Every model that can hold a person's address or point at a member is in the
personal-data registry, so export, erasure and retention cannot forget it."""

from django.apps import apps
from django.db import models

from cms import privacy
from network.models import Member


def _holds_personal_data(model):
    for field in model._meta.get_fields():
        if isinstance(field, models.EmailField):
            return True
        if field.is_relation and field.concrete and field.related_model is Member:
            return True
    return False


def test_every_model_with_an_email_or_a_member_link_is_registered():
    unregistered = [
        model._meta.label
        for model in apps.get_models()
        if _holds_personal_data(model) and not privacy.covers(model)
    ]

    assert unregistered == []


def test_the_walk_finds_the_models_it_must_find():
    """The completeness test above would pass vacuously if the walk found nothing."""
    found = {model._meta.label for model in apps.get_models() if _holds_personal_data(model)}

    assert {
        "network.Member",
        "events.Registration",
        "events.Submission",
        "newsletters.Subscriber",
    } <= found


def test_every_entry_says_why_and_for_how_long_and_can_export_and_erase():
    for entry in privacy.entries():
        assert str(entry.purpose), entry.label
        assert str(entry.retention), entry.label
        assert callable(entry.export), entry.label
        assert callable(entry.erase), entry.label


def test_the_member_record_is_erased_after_everything_that_points_at_it():
    order = [entry.label for entry in privacy.entries()]

    assert order[-1] == "network.Member"


def test_every_entry_names_the_subjects_rows_so_wagtails_traces_of_them_are_found():
    """Erasure hands these rows to the trace erasers (admin log, revisions)."""
    assert [entry.label for entry in privacy.entries() if entry.rows is None] == []
