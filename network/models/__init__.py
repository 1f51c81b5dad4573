"""The network: organisations, their ESF projects, the practice models collected from
them, and the people who take part (members)."""

from .assessments import Answer, Assessment, Rating, Stage
from .members import Member, MemberDataLog, MemberProject
from .organisations import Organisation
from .pages import PracticeModelIndexPage, ProjectDirectoryPage
from .practice_models import ParticipationArea, PracticeModel
from .projects import Project, ProjectQuerySet
from .question_sets import Question, QuestionSet

__all__ = [
    "Answer",
    "Assessment",
    "Member",
    "MemberDataLog",
    "MemberProject",
    "Organisation",
    "ParticipationArea",
    "PracticeModel",
    "PracticeModelIndexPage",
    "Project",
    "ProjectDirectoryPage",
    "ProjectQuerySet",
    "Question",
    "QuestionSet",
    "Rating",
    "Stage",
]
