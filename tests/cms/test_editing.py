"""What editors rely on in the admin: every page type can be added where it belongs and
previewed, news go through moderation, and a news article with an unlabelled image is refused."""

from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from cms.models import NewsPage
from tests.cms.factories import (
    ContactsPageFactory,
    ImageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    ResearchIndexPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("admin", password="pw"))
    return client


def add_url(model_name, parent):
    return reverse("wagtailadmin_pages:add", args=("cms", model_name, parent.pk))


@pytest.mark.parametrize(
    ("model_name", "parent"),
    [
        ("standardpage", "home"),
        ("contactspage", "home"),
        ("newsindexpage", "home"),
        ("researchindexpage", "home"),
        ("newspage", "news_index"),
        ("researchmessagepage", "research_index"),
    ],
)
def test_every_page_type_has_an_add_form_under_its_parent(
    request, admin_client, model_name, parent
):
    response = admin_client.get(add_url(model_name, request.getfixturevalue(parent)))

    assert response.status_code == 200


@pytest.mark.parametrize(
    "make_page",
    [
        lambda home: NewsPageFactory(parent=NewsIndexPageFactory(parent=home)),
        lambda home: NewsIndexPageFactory(parent=home),
        lambda home: ResearchIndexPageFactory(parent=home),
        lambda home: ContactsPageFactory(parent=home),
        lambda home: home,
    ],
    ids=["news", "news index", "research index", "contacts", "home"],
)
def test_every_page_type_can_be_previewed(admin_client, home, make_page):
    page = make_page(home)

    response = admin_client.get(reverse("wagtailadmin_pages:view_draft", args=(page.pk,)))

    assert response.status_code == 200
    assert page.title in response.content.decode()


def test_news_go_through_the_moderation_workflow(news_index):
    article = NewsPageFactory(parent=news_index)

    workflow = article.get_workflow()

    assert workflow is not None and workflow.active


def news_form(news_index, **overrides):
    data = {
        "title": "Uusi uutinen",
        "slug": "uusi-uutinen",
        "date": "2024-02-05",
        "lead": "Lyhyesti.",
        "body": streamfield([("paragraph", rich_text("<p>Teksti.</p>"))]),
        "tags": "",
        "related_pages": inline_formset([]),
        "action-publish": "publish",
        **overrides,
    }
    return nested_form_data(data)


def test_editor_publishes_a_news_article_from_the_admin(admin_client, news_index):
    response = admin_client.post(add_url("newspage", news_index), news_form(news_index))

    assert response.status_code == 302
    assert NewsPage.objects.get(slug="uusi-uutinen").live


def test_news_article_with_an_image_without_alt_text_is_refused(admin_client, news_index):
    image = ImageFactory(description="")

    response = admin_client.post(
        add_url("newspage", news_index), news_form(news_index, hero_image=image.pk)
    )

    assert response.status_code == 200
    assert "Kuvalla ei ole vaihtoehtoista tekstiä" in response.content.decode()
    assert not Page.objects.filter(slug="uusi-uutinen").exists()


def test_editors_see_the_accessibility_checker_on_published_pages(admin_client, news_index):
    article = NewsPageFactory(parent=news_index)

    html = admin_client.get(article.url).content.decode()

    assert 'id="checker-axe-configuration"' in html
