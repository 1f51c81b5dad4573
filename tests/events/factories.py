import datetime

from django.utils import timezone

import factory
import wagtail_factories

from events.models import (
    EventIndexPage,
    EventPage,
    EventSeriesPage,
    EventType,
    ParticipationWeekPage,
    Registration,
)


class EventTypeFactory(factory.django.DjangoModelFactory):
    name_fi = "Webinaari"
    name_sv = "Webbinarium"
    name_en = "Webinar"
    slug = factory.Sequence(lambda n: f"tyyppi-{n}")

    class Meta:
        model = EventType


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = "Tapahtumat"
    slug = "tapahtumat"

    class Meta:
        model = EventIndexPage


class EventSeriesPageFactory(wagtail_factories.PageFactory):
    title = "Etelä- ja Länsi-Suomen kahvilat"

    class Meta:
        model = EventSeriesPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Etäkahvila {n}")
    lead = "Jaetaan kokemuksia osallisuustyöstä."
    event_type = factory.SubFactory(EventTypeFactory)
    start = factory.LazyFunction(
        lambda: timezone.now().replace(microsecond=0) + datetime.timedelta(days=7)
    )
    end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=1, minutes=30))
    attendance_mode = EventPage.AttendanceMode.ONLINE
    online_platform = "Teams"
    online_join_url = "https://teams.example.org/l/meetup-join/salainen"

    class Meta:
        model = EventPage


class ParticipationWeekPageFactory(wagtail_factories.PageFactory):
    title = "Osallisuusviikko 2027"
    slug = "osallisuusviikko-2027"
    start_date = datetime.date(2027, 2, 1)
    end_date = datetime.date(2027, 2, 5)
    lead = "Koko Suomen yhteinen viikko osallisuuden puolesta."

    class Meta:
        model = ParticipationWeekPage


class RegistrationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Osallistuja {n}")
    email = factory.Sequence(lambda n: f"osallistuja{n}@example.org")
    status = Registration.Status.CONFIRMED
    consent_version = "none"

    class Meta:
        model = Registration

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        """Tests hold pages; registrations belong to the page's event record."""
        if isinstance(kwargs.get("event"), EventPage):
            kwargs["event"] = kwargs["event"].event
        return kwargs


def registration_data(n=0, **fields):
    """What a valid registration form posts."""
    return {
        "name": f"Maija Meikäläinen {n}",
        "email": f"maija{n}@example.org",
        "organisation": "Diakonia-ammattikorkeakoulu",
        "needs": "",
        "consent": "on",
        **fields,
    }
