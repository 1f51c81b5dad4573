"""A project with a signed-in team member, and helpers that answer the 24 questions
(seeded by the migration) through the team's own form."""

from django.urls import reverse

import pytest

from network.members.sign_in import make_token
from network.models import Member, ParticipationArea, QuestionSet
from tests.network.factories import ProjectFactory


@pytest.fixture
def project(savo):
    return ProjectFactory(name="Petosen Pömpeli", slug="pompeli", regions=[savo])


@pytest.fixture
def member(project):
    member = Member.objects.create(email="tiimi@example.org", name="Tiina Tiimi")
    member.projects.add(project)
    return member


@pytest.fixture
def team(client, member, home):
    client.post(reverse("network:sign_in", args=[make_token(member)]))
    return client


def questions():
    """The current set's questions in order."""
    return list(QuestionSet.current().questions.all())


def edit_url(project, stage="planning"):
    return reverse("network:assessment_edit", args=[project.slug, stage])


def result_url(project, stage="planning"):
    return reverse("network:assessment_result", args=[project.slug, stage])


def answer_data(ratings=None, texts=None, action="draft", question_list=None):
    """Form data: `ratings` / `texts` map a question's position (0-based) to a value."""
    data = {"action": action}
    for index, question in enumerate(question_list or questions()):
        if ratings and index in ratings:
            data[f"q{question.pk}-rating"] = str(ratings[index])
        if texts and index in texts:
            data[f"q{question.pk}-text"] = texts[index]
    return data


def ratings_by_area(per_area):
    """{position: rating} giving every question of an area (by slug) the same rating."""
    slugs = dict(ParticipationArea.objects.values_list("pk", "slug"))
    return {
        index: per_area[slugs[q.part_id]]
        for index, q in enumerate(questions())
        if slugs[q.part_id] in per_area
    }
