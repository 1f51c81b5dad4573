"""Saving and showing an assessment take as many queries for 24 answers as for one."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from network.assessments import coordinators, summary
from network.models import Member
from tests.network.assessments.conftest import answer_data, edit_url, result_url
from tests.network.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def count(callable_):
    with CaptureQueriesContext(connection) as queries:
        callable_()
    return len(queries)


def test_query_counts_do_not_grow_with_the_number_of_answers(team, project, member):
    few = ProjectFactory(slug="vahan")
    member.projects.add(few)
    all_answers = {i: 1 + i % 4 for i in range(24)}
    texts = {i: f"Vastaus {i}" for i in range(24)}
    for target, ratings in ((few, {0: 2}), (project, all_answers)):
        team.post(edit_url(target), answer_data(ratings, action="finish"))
        team.post(edit_url(target, "implementation"), answer_data(ratings))
    team.get(result_url(few))  # warms the site settings' cache, which the first page fills

    saves = [
        count(lambda t=t, r=r: team.post(edit_url(t, "implementation"), answer_data(r, texts)))
        for t, r in ((few, {0: 3}), (project, all_answers))
    ]
    results = [count(lambda t=t: team.get(result_url(t, "implementation"))) for t in (few, project)]

    assert saves[0] == saves[1]
    assert results[0] == results[1]
    assert Member.objects.count() == 1


def test_the_aggregate_takes_the_same_queries_for_five_or_eight_assessments(team, member):
    projects = [ProjectFactory(slug=f"hanke-{n}") for n in range(8)]
    member.projects.add(*projects)
    counts = []
    for number, target in enumerate(projects, start=1):
        team.post(edit_url(target), answer_data({0: 2, 23: 3}, action="finish"))
        if number in (5, 8):
            counts.append(count(lambda: summary.aggregate(coordinators.aggregate_source())))

    assert counts[0] == counts[1]
