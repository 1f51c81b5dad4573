"""The network: organisations, their ESF projects, the practice models collected from
them, and the people who take part (members)."""

from .members import Member
from .organisations import Organisation
from .practice_models import PracticeModel
from .projects import Project, ProjectQuerySet

__all__ = ["Member", "Organisation", "PracticeModel", "Project", "ProjectQuerySet"]
