import pytest

from tests.network.factories import PracticeModelIndexPageFactory, ProjectDirectoryPageFactory


@pytest.fixture
def directory(home):
    return ProjectDirectoryPageFactory(parent=home)


@pytest.fixture
def library(home):
    return PracticeModelIndexPageFactory(parent=home)
