"""Fixtures shared by the tests of the content pages."""

import pytest

from tests.cms.factories import NewsIndexPageFactory, ResearchIndexPageFactory


@pytest.fixture
def news_index(home):
    return NewsIndexPageFactory(parent=home)


@pytest.fixture
def research_index(home):
    return ResearchIndexPageFactory(parent=home)
