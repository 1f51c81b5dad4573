"""Calendars: the one calendar state of each event (UID, SEQUENCE, withdrawal), the
iCalendar it is written as (feeds, downloads, registrants' invitations) and the
.ics import."""
