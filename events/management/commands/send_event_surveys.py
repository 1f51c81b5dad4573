"""Invite the attendees of recently ended events to the participation survey; run by
the scheduled jobs every hour, safe to run as often as you like (each registrant is
invited once)."""

from django.core.management.base import BaseCommand

from events.surveys import services


class Command(BaseCommand):
    help = "Queue the participation survey to attendees of events that ended recently."

    def handle(self, *args, **options):
        count = services.invite_attendees()
        self.stdout.write(f"Queued {count} survey invitation(s).")
