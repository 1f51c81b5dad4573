"""A project team member fills the helper questions with the keyboard only, saves a
draft, finishes it and reads the result as a chart and a table; the anonymous
reflection sheet too. No serious or critical axe-core violation on the way."""

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

import pytest

from cms.factories import make_site
from network.members.sign_in import make_token
from network.models import Assessment, Member, QuestionSet
from tests.browser.axe import assert_accessible
from tests.browser.fixtures import new_page
from tests.browser.public_site import shared_site
from tests.network.factories import ProjectFactory

# One site and server for the module. Only the first test stores an assessment (of its
# own project); the reflection sheet's test counts that it stores none.
pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def build_project():
    make_site()
    project = ProjectFactory(name="Voset", slug="voset")
    member = Member.objects.create(email="voset@example.org")
    member.projects.add(project)
    return {"project": project, "member": member}


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    with shared_site(django_db_blocker, build_project) as served:
        yield served


@pytest.fixture
def page(browser, site):
    with new_page(browser, site[0]) as page:
        yield page


@pytest.fixture
def questions(site):
    """The helper questions the migrations seed (tests.migrated_data keeps them)."""
    return list(QuestionSet.current().questions.all())


def active(page):
    return page.evaluate("document.activeElement && (document.activeElement.name || '')")


def tab_to(page, name, limit=400):
    for _ in range(limit):
        if active(page) == name:
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{name} not reached with Tab")


def test_fill_an_assessment_with_the_keyboard_and_read_the_result(page, site, questions):
    project, member = site[1]["project"], site[1]["member"]
    page.goto(reverse("network:sign_in", args=[make_token(member)]))
    page.locator("main button[type=submit]").focus()
    with page.expect_navigation(url="**/oma-sivu/"):
        page.keyboard.press("Enter")

    page.goto(reverse("network:assessment_edit", args=["voset", "planning"]))
    assert_accessible(page)
    first, second = questions[0], questions[1]
    tab_to(page, f"q{first.pk}-rating")
    page.keyboard.press("Space")  # not yet
    page.keyboard.press("ArrowRight")  # starting
    page.keyboard.press("Tab")
    page.keyboard.type("Kutsumme ihmiset kahville.")
    page.keyboard.press("Tab")
    assert active(page) == f"q{second.pk}-rating"
    page.keyboard.press("Space")
    tab_to(page, "action")  # "Save draft" comes first
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assessment = Assessment.objects.get(project=project)
    assert assessment.status == Assessment.Status.DRAFT
    assert assessment.answers.get(question_key=first.pk).rating == 2
    assert page.locator(f"#id_q{first.pk}-rating_1").is_checked()

    tab_to(page, f"q{questions[23].pk}-rating")
    for _ in range(4):
        page.keyboard.press("ArrowRight")  # wraps back round to "not yet"
    page.keyboard.press("ArrowLeft")  # established
    tab_to(page, "action")
    page.keyboard.press("Tab")  # "Finish the assessment"
    with page.expect_navigation(url="**/tulos/"):
        page.keyboard.press("Enter")

    with translation.override("fi"):
        chart = page.get_by_role("img", name=gettext("Mean rating per part"))
    assert chart.is_visible()
    table = page.locator("table.assessment-table")
    assert table.locator("tbody tr").count() == 5
    text = table.inner_text()
    assert "2 / 7\t1,5" in text  # own life: "starting" and "not yet"
    assert "1 / 1\t4,0" in text  # structures: "established"
    assert_accessible(page)
    assessment.refresh_from_db()
    assert assessment.is_finished


def test_the_reflection_sheet_shows_a_summary_and_is_accessible(page, questions):
    assessments = Assessment.objects.count()
    page.goto(reverse("network:reflection_sheet"))
    assert_accessible(page)
    tab_to(page, f"q{questions[0].pk}-rating")
    page.keyboard.press("Space")
    page.locator("main form button[type=submit]").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")

    assert page.locator("#summary table").is_visible()
    assert_accessible(page)
    assert Assessment.objects.count() == assessments  # the sheet stores nothing


def test_an_empty_reflection_sheet_focuses_the_error_summary_without_axe_violations(
    page, questions
):
    page.goto(reverse("network:reflection_sheet"))
    assert_accessible(page, impacts=None)
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()

    assert page.evaluate("document.activeElement.id") == "error-summary"
    assert page.locator("#summary").count() == 0
    assert page.title().startswith("Virhe: ")
    page.locator("#error-summary a").first.click()
    assert page.evaluate("document.activeElement.name") == f"q{questions[0].pk}-rating"
    assert_accessible(page, impacts=None)
