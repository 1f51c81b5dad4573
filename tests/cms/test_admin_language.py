"""The admin speaks Finnish to editors: model names (which also name the permissions in
the group editor), the moderation workflow, "add" buttons and taxonomy pickers."""

import re

from django.apps import apps
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import override

from wagtail.models import Task, Workflow

import pytest

from cms.models import Theme
from network.models import Member
from tests.events.factories import EventIndexPageFactory, EventPageFactory

OUR_APPS = ("cms", "events", "network", "newsletters")


def test_every_model_has_translatable_singular_and_plural_names():
    untranslated = [
        model.__name__
        for app in OUR_APPS
        for model in apps.get_app_config(app).get_models()
        for name in ("verbose_name", "verbose_name_plural")
        if not isinstance(model._meta.original_attrs.get(name), Promise)
    ]
    assert untranslated == []


@pytest.mark.django_db
def test_the_default_moderation_workflow_has_a_finnish_name():
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert not Task.objects.filter(name="Moderators approval").exists()
    assert Workflow.objects.filter(name="Moderointi").exists()


@pytest.mark.django_db
def test_event_editor_adds_a_speaker_and_picks_themes_with_checkboxes(client, admin_user, home):
    Theme.objects.create(name_fi="Kokemusasiantuntijuus", slug="kokemusasiantuntijuus")
    event = EventPageFactory(parent=EventIndexPageFactory(parent=home))
    client.force_login(admin_user)

    html = client.get(reverse("wagtailadmin_pages:edit", args=[event.pk])).content.decode()

    assert "Lisää puhuja" in html and "Lisää Puhujat" not in html
    assert "Lisää lisäkysymys" in html
    assert 'type="checkbox" name="themes"' in html


@pytest.mark.django_db
def test_group_editor_names_permissions_with_translated_model_names(client, admin_user):
    client.force_login(admin_user)

    with override("fi"):
        html = client.get(reverse("wagtailusers_groups:add")).content.decode()
        member = str(Member._meta.verbose_name)

    assert "Can add member<" not in html
    assert re.search(rf'class="w-sr-only">[^<]*\b{member}</label>', html)
