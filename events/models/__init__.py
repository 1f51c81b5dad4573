from .calendar_state import CalendarState
from .pages import EventIndexPage, EventPage, EventSeriesPage, EventSpeaker
from .taxonomy import EventType

__all__ = [
    "CalendarState",
    "EventIndexPage",
    "EventPage",
    "EventSeriesPage",
    "EventSpeaker",
    "EventType",
]
