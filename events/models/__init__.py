from .event import FACT_FIELDS, Event
from .imported_event import ImportedEvent
from .pages import EventIndexPage, EventPage, EventSeriesPage, EventSpeaker
from .participation_week import ParticipationWeekPage, Submission
from .registrations import (
    EmailDelivery,
    Registration,
    RegistrationQuestion,
)
from .surveys import (
    SurveyAnswer,
    SurveyInvitation,
    SurveyRating,
    SurveyStatement,
    SurveyVersion,
)
from .taxonomy import EventType

__all__ = [
    "Event",
    "FACT_FIELDS",
    "EventIndexPage",
    "EventPage",
    "EventSeriesPage",
    "EventSpeaker",
    "EventType",
    "ImportedEvent",
    "ParticipationWeekPage",
    "Submission",
    "EmailDelivery",
    "Registration",
    "RegistrationQuestion",
    "SurveyAnswer",
    "SurveyInvitation",
    "SurveyRating",
    "SurveyStatement",
    "SurveyVersion",
]
