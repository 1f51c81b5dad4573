"""The chart and the table of a result write each mean the same way (issue 24): a part
rated 2, 2, 2, 2, 2, 3, 3 has the mean 16/7 = 2.2857…, which is 2,3 in both."""

import re

import pytest

from network.models import ParticipationArea
from tests.network.assessments.conftest import answer_data, edit_url, questions, result_url

pytestmark = pytest.mark.django_db


def own_life_positions():
    own_life = ParticipationArea.objects.get(slug="oma-elama").pk
    return [index for index, q in enumerate(questions()) if q.part_id == own_life]


def test_a_mean_of_16_7_reads_2_3_in_the_chart_and_in_the_table(team, project):
    positions = own_life_positions()
    assert len(positions) == 7
    ratings = dict.fromkeys(positions[:5], 2) | dict.fromkeys(positions[5:], 3)
    team.post(edit_url(project), answer_data(ratings, action="finish"))

    page = team.get(result_url(project)).content.decode()

    chart = page[page.index('<figure class="assessment-chart">') : page.index("</figure>")]
    table = page[page.index("<table") : page.index("</table>")]
    assert re.search(r'class="assessment-chart__value"[^>]*>2,3 \(', chart)
    assert "<td>2,3</td>" in table
    assert "2,2" not in chart and "2,2" not in table
