from .calendar_state import CalendarState
from .pages import EventIndexPage, EventPage, EventSeriesPage, EventSpeaker
from .registrations import (
    EmailDelivery,
    Registration,
    RegistrationQuestion,
    RegistrationSettings,
)
from .taxonomy import EventType

__all__ = [
    "CalendarState",
    "EventIndexPage",
    "EventPage",
    "EventSeriesPage",
    "EventSpeaker",
    "EventType",
    "EmailDelivery",
    "Registration",
    "RegistrationQuestion",
    "RegistrationSettings",
]
