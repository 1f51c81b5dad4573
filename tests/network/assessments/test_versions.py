"""Editors revise the questions; every assessment keeps the wording it answered."""

from django.contrib.auth.models import Group, Permission
from django.urls import reverse

import pytest

from network.models import QuestionSet
from tests.network.assessments.conftest import answer_data, edit_url, questions, result_url

pytestmark = pytest.mark.django_db

OLD = "Miten houkuttelette mukaan ihmisiä"


def test_the_migration_seeds_24_questions_in_five_parts_in_three_languages():
    found = questions()

    assert len(found) == 24
    assert len({q.part_id for q in found}) == 5
    assert all(q.text_fi and q.text_sv and q.text_en for q in found)
    assert found[0].text_fi.startswith(OLD)
    assert "palvelumuotoilun" in found[10].text_fi


def edit_first_question(text):
    """What the admin's edit view does: save the set and store a revision of it."""
    question_set = QuestionSet.current()
    question = question_set.questions.first()
    question.text_fi = text
    question.save()
    question_set.save_revision()


def test_an_answer_keeps_the_wording_it_was_given_to_after_an_edit(team, project):
    team.post(edit_url(project), answer_data({0: 2}, {0: "Kutsumme kahville."}, "finish"))

    edit_first_question("Uusi sanamuoto: ketkä jäävät pois?")

    page = team.get(result_url(project)).content.decode()
    assert OLD in page
    assert "Uusi sanamuoto" not in page
    assert "Kutsumme kahville." in page
    # A new assessment answers the new wording.
    assert "Uusi sanamuoto" in team.get(edit_url(project, "evaluation")).content.decode()


def test_a_draft_started_before_an_edit_stays_on_its_version(team, project):
    team.post(edit_url(project), answer_data({0: 2}))

    edit_first_question("Uusi sanamuoto: ketkä jäävät pois?")

    page = team.get(edit_url(project)).content.decode()
    assert OLD in page
    assert "Uusi sanamuoto" not in page


def test_editing_in_the_admin_stores_a_new_version(client, django_user_model):
    user = django_user_model.objects.create_user("editor", password="pw")
    group = Group.objects.create(name="Question editors")
    for codename in ("access_admin", "change_questionset"):
        group.permissions.add(Permission.objects.get(codename=codename))
    user.groups.add(group)
    client.force_login(user)
    question_set = QuestionSet.current()
    before = question_set.current_revision()
    url = reverse("wagtailsnippets_network_questionset:edit", args=[question_set.pk])
    data = {"name": "Apukysymykset 2", "intro_fi": "", "intro_sv": "", "intro_en": ""}
    found = list(question_set.questions.all())
    data.update(
        {
            "questions-TOTAL_FORMS": str(len(found)),
            "questions-INITIAL_FORMS": str(len(found)),
            "questions-MIN_NUM_FORMS": "0",
            "questions-MAX_NUM_FORMS": "1000",
        }
    )
    for index, question in enumerate(found):
        prefix = f"questions-{index}-"
        data.update(
            {
                prefix + "id": str(question.pk),
                prefix + "ORDER": str(index + 1),
                prefix + "DELETE": "",
                prefix + "part": str(question.part_id),
                prefix + "text_fi": "Muokattu" if index == 0 else question.text_fi,
                prefix + "text_sv": question.text_sv,
                prefix + "text_en": question.text_en,
                prefix + "examples_fi": question.examples_fi,
                prefix + "examples_sv": question.examples_sv,
                prefix + "examples_en": question.examples_en,
            }
        )

    response = client.post(url, data)

    assert response.status_code == 302
    question_set.refresh_from_db()
    assert question_set.latest_revision_id != before.pk
    assert before.as_object().questions.first().text_fi.startswith(OLD)
    assert question_set.latest_revision.as_object().questions.first().text_fi == "Muokattu"
