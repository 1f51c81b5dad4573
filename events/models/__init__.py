from .calendar_state import CalendarState
from .imported_event import ImportedEvent
from .pages import EventIndexPage, EventPage, EventSeriesPage, EventSpeaker
from .participation_week import ParticipationWeekPage, Submission
from .registrations import (
    EmailDelivery,
    Registration,
    RegistrationQuestion,
    RegistrationSettings,
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
    "CalendarState",
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
    "RegistrationSettings",
    "SurveyAnswer",
    "SurveyInvitation",
    "SurveyRating",
    "SurveyStatement",
    "SurveyVersion",
]
