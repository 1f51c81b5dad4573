"""Migrations events 0012-0015 move a database made with one row of facts per language
page (events 0011) onto one event record, and lose nothing on the way.

The test migrates events back to 0011, writes an event the old way with the models of
that state (a Finnish page and its Swedish translation, each with its own facts,
questions and registrations), migrates forward and reads the result with the models of
the latest state. It leaves the database migrated to the latest state."""

import datetime
import uuid
from decimal import Decimal

from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

import pytest

OLD = ("events", "0011_translated_verbose_names")

T0 = datetime.datetime(2030, 5, 1, 9, 0, tzinfo=datetime.UTC)


def _leaves(executor):
    return executor.loader.graph.leaf_nodes()


def _old_targets(executor):
    """Every app at its latest migration, events at 0011 (no migration of another app
    depends on events 0012 or later)."""
    return [node for node in _leaves(executor) if node[0] != "events"] + [OLD]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor


@pytest.fixture
def old_apps():
    """The historical models of events 0011, with the database migrated to match; the
    database is migrated back to the latest state afterwards, whatever happened."""
    executor = MigrationExecutor(connection)
    latest = _leaves(executor)
    old = _old_targets(executor)
    try:
        _migrate(old)
        yield MigrationExecutor(connection).loader.project_state(old).apps
    finally:
        _migrate(latest)


def _page(apps, *, parent, step, locale, key, title, **facts):
    Page = apps.get_model("wagtailcore", "Page")
    EventPage = apps.get_model("events", "EventPage")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _ = ContentType.objects.get_or_create(app_label="events", model="eventpage")
    slug = f"migration-{locale.language_code}-{step}"
    page = EventPage.objects.create(
        path=parent.path + step,
        depth=parent.depth + 1,
        numchild=0,
        title=title,
        draft_title=title,
        slug=slug,
        url_path=f"{parent.url_path}{slug}/",
        content_type=content_type,
        locale=locale,
        translation_key=key,
        live=True,
        lead=f"{title}: lead",
        **facts,
    )
    Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + 1)
    parent.numchild += 1
    return page


def _root(apps, locale):
    Page = apps.get_model("wagtailcore", "Page")
    ContentType = apps.get_model("contenttypes", "ContentType")
    root = Page.objects.filter(depth=1).order_by("path").first()
    if root is None:  # an earlier transactional test flushed the tree
        content_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
        root = Page.objects.create(
            path="0001",
            depth=1,
            numchild=0,
            title="Root",
            draft_title="Root",
            slug="root",
            url_path="/",
            content_type=content_type,
            locale=locale,
            live=True,
        )
    return root


def _write_old_event(apps):
    """One event the 0011 way; returns what the assertions need to recognise it."""
    Locale = apps.get_model("wagtailcore", "Locale")
    EventType = apps.get_model("events", "EventType")
    CalendarState = apps.get_model("events", "CalendarState")
    Question = apps.get_model("events", "RegistrationQuestion")
    Registration = apps.get_model("events", "Registration")
    SurveyVersion = apps.get_model("events", "SurveyVersion")
    SurveyInvitation = apps.get_model("events", "SurveyInvitation")
    SurveyAnswer = apps.get_model("events", "SurveyAnswer")
    Theme = apps.get_model("cms", "Theme")
    Region = apps.get_model("cms", "Region")
    Organisation = apps.get_model("network", "Organisation")
    Project = apps.get_model("network", "Project")

    finnish, _ = Locale.objects.get_or_create(language_code="fi")
    swedish, _ = Locale.objects.get_or_create(language_code="sv")
    root = _root(apps, finnish)
    seminar = EventType.objects.create(name_fi="Migraatioseminaari", slug="migraatioseminaari")
    webinar = EventType.objects.create(name_fi="Migraatiowebinaari", slug="migraatiowebinaari")
    theme_fi = Theme.objects.create(name_fi="Migraatioteema", slug="migraatioteema")
    theme_sv = Theme.objects.create(name_fi="Toinen migraatioteema", slug="toinen-migraatioteema")
    region = Region.objects.create(name_fi="Migraatiomaakunta", slug="migraatiomaakunta")
    organiser = Organisation.objects.create(name="Migraatioyhdistys")
    projects = [
        Project.objects.create(
            name=f"Migraatiohanke {n}",
            slug=f"migraatiohanke-{n}",
            organisation=organiser,
            start_date=datetime.date(2030, 1, n),
        )
        for n in (1, 2)
    ]

    key = uuid.uuid4()
    facts_fi = {
        "event_type": seminar,
        "start": T0 + datetime.timedelta(days=30),
        "end": T0 + datetime.timedelta(days=30, hours=3),
        "status": "scheduled",
        "attendance_mode": "onsite",
        "venue_name": "Kaupungintalo",
        "street_address": "Pohjoisesplanadi 11",
        "postal_code": "00170",
        "municipality": "Helsinki",
        "organiser": organiser,
        "language": "fi",
        "region": region,
        "registration_enabled": True,
        "registration_opens": T0,
        "registration_closes": T0 + datetime.timedelta(days=29),
        "capacity": 2,
        "waiting_list_enabled": True,
        "reminder_hours": 48,
    }
    # The Swedish page disagrees on every fact (an old translation that drifted) and is
    # written first: the record must still take the Finnish page's facts.
    facts_sv = {
        "event_type": webinar,
        "start": T0 + datetime.timedelta(days=31),
        "end": T0 + datetime.timedelta(days=31, hours=1),
        "status": "postponed",
        "attendance_mode": "online",
        "municipality": "Helsingfors",
        "language": "sv",
        "registration_enabled": True,
        "capacity": 10,
        "waiting_list_enabled": False,
        "reminder_hours": 2,
    }
    page_sv = _page(
        apps, parent=root, step="ZZZ1", locale=swedish, key=key, title="Seminarium", **facts_sv
    )
    page_fi = _page(
        apps, parent=root, step="ZZZ2", locale=finnish, key=key, title="Seminaari", **facts_fi
    )
    page_fi.themes.through.objects.create(eventpage_id=page_fi.pk, theme_id=theme_fi.pk)
    page_sv.themes.through.objects.create(eventpage_id=page_sv.pk, theme_id=theme_sv.pk)
    for project in projects:  # linked on the Swedish page only
        page_sv.projects.through.objects.create(eventpage_id=page_sv.pk, project_id=project.pk)
    CalendarState.objects.create(translation_key=key, sequence=3, fingerprint="f" * 64)

    # The same two questions on both pages, in the same order; the Swedish ones are
    # written in the opposite order, so only their sort order pairs them up.
    diet_fi = Question.objects.create(page_id=page_fi.pk, sort_order=0, label="Ruokavalio")
    bus_fi = Question.objects.create(
        page_id=page_fi.pk, sort_order=1, label="Tarvitsen kyydin", kind="checkbox"
    )
    bus_sv = Question.objects.create(
        page_id=page_sv.pk, sort_order=1, label="Jag behöver skjuts", kind="checkbox"
    )
    diet_sv = Question.objects.create(page_id=page_sv.pk, sort_order=0, label="Specialkost")

    # The Finnish page's latest revision, as Wagtail stored it before the record.
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    revision = Revision.objects.create(
        content_type=ContentType.objects.get(app_label="events", model="eventpage"),
        base_content_type=ContentType.objects.get(app_label="wagtailcore", model="page"),
        object_id=str(page_fi.pk),
        object_str=page_fi.title,
        created_at=T0,
        content={
            "pk": page_fi.pk,
            "title": page_fi.title,
            "draft_title": page_fi.title,
            "slug": page_fi.slug,
            "lead": page_fi.lead,
            "live": True,
            "start": facts_fi["start"].isoformat(),
            "end": facts_fi["end"].isoformat(),
            "municipality": facts_fi["municipality"],
            "registration_questions": [
                {
                    "pk": question.pk,
                    "page": page_fi.pk,
                    "sort_order": question.sort_order,
                    "label": question.label,
                    "kind": question.kind,
                    "choices": "",
                    "required": False,
                }
                for question in (diet_fi, bus_fi)
            ],
        },
    )
    EventPage = apps.get_model("events", "EventPage")
    EventPage.objects.filter(pk=page_fi.pk).update(latest_revision=revision)

    def register(page, name, email, status, minutes, answers, language):
        return Registration.objects.create(
            event_id=page.pk,
            name=name,
            email=email,
            status=status,
            created_at=T0 + datetime.timedelta(minutes=minutes),
            answers=answers,
            language=language,
        )

    # Alice registered on both pages: a queue place in Finnish, a seat in Swedish.
    alice_fi = register(
        page_fi,
        "Alice",
        "alice@example.com",
        "waiting",
        20,
        {str(diet_fi.pk): "vegaani", str(bus_fi.pk): True},
        "fi",
    )
    bob_fi = register(
        page_fi, "Bob", "bob@example.com", "waiting", 40, {str(diet_fi.pk): "ei"}, "fi"
    )
    alice_sv = register(
        page_sv,
        "Alice",
        "Alice@Example.COM",
        "confirmed",
        30,
        {str(diet_sv.pk): "vegansk", str(bus_sv.pk): False},
        "sv",
    )
    dave_sv = register(
        page_sv, "Dave", "dave@example.com", "waiting", 10, {str(bus_sv.pk): True}, "sv"
    )

    # An event only in Swedish, with no calendar state yet, and a calendar state whose
    # pages are gone.
    alone_key = uuid.uuid4()
    alone = _page(
        apps,
        parent=root,
        step="ZZZ3",
        locale=swedish,
        key=alone_key,
        title="Bara svenska",
        **{**facts_sv, "municipality": "Vasa"},
    )
    orphan_key = uuid.uuid4()
    CalendarState.objects.create(translation_key=orphan_key, sequence=7)

    number = (
        SurveyVersion.objects.order_by("-number").values_list("number", flat=True).first() or 0
    ) + 1
    version = SurveyVersion.objects.create(number=number, statements=[{"id": 1, "fi": "Hyvä"}])
    invitation = SurveyInvitation.objects.create(
        registration=alice_sv, event_id=page_sv.pk, version=version
    )
    answer = SurveyAnswer.objects.create(
        event_id=page_sv.pk, version=version, indicator=Decimal("4.50")
    )
    return {
        "key": key,
        "pages": {"fi": page_fi.pk, "sv": page_sv.pk},
        "facts_fi": {name: getattr(value, "pk", value) for name, value in facts_fi.items()},
        "theme": theme_fi.pk,
        "projects": {project.pk for project in projects},
        "questions": {"diet": (diet_fi.pk, diet_sv.pk), "bus": (bus_fi.pk, bus_sv.pk)},
        "registrations": {
            "alice_fi": alice_fi.pk,
            "bob_fi": bob_fi.pk,
            "alice_sv": alice_sv.pk,
            "dave_sv": dave_sv.pk,
        },
        "invitation": invitation.pk,
        "answer": answer.pk,
        "alone": (alone_key, alone.pk),
        "orphan": orphan_key,
        "revision": revision.pk,
    }


@pytest.mark.django_db(transaction=True)
def test_one_event_record_from_a_finnish_and_a_swedish_page(old_apps):
    before = _write_old_event(old_apps)

    executor = _migrate(_leaves(MigrationExecutor(connection)))
    apps = executor.loader.project_state(_leaves(executor)).apps
    Event = apps.get_model("events", "Event")
    EventPage = apps.get_model("events", "EventPage")
    Question = apps.get_model("events", "RegistrationQuestion")
    Registration = apps.get_model("events", "Registration")
    SurveyInvitation = apps.get_model("events", "SurveyInvitation")
    SurveyAnswer = apps.get_model("events", "SurveyAnswer")

    # One record, with the calendar state it grew from and the Finnish page's facts.
    records = Event.objects.filter(translation_key=before["key"])
    assert records.count() == 1
    record = records.get()
    assert record.sequence == 3
    assert record.fingerprint == "f" * 64
    for name, value in before["facts_fi"].items():
        field = Event._meta.get_field(name)
        assert getattr(record, field.attname) == value, name
    assert set(record.themes.values_list("pk", flat=True)) == {before["theme"]}
    assert set(record.projects.values_list("pk", flat=True)) == before["projects"]

    # Both pages point at it.
    pages = EventPage.objects.filter(translation_key=before["key"])
    assert dict(pages.values_list("pk", "event_id")) == {
        before["pages"]["fi"]: record.pk,
        before["pages"]["sv"]: record.pk,
    }

    # A question and its translation share a key; the two questions do not.
    keys = {}
    for name, (fi_pk, sv_pk) in before["questions"].items():
        fi_key = Question.objects.get(pk=fi_pk).key
        assert Question.objects.get(pk=sv_pk).key == fi_key, name
        keys[name] = str(fi_key)
    assert keys["diet"] != keys["bus"]

    # Every registration moved to the record, answers keyed by the shared keys.
    ids = before["registrations"]
    registrations = {name: Registration.objects.get(pk=pk) for name, pk in ids.items()}
    assert {r.event_id for r in registrations.values()} == {record.pk}
    assert registrations["alice_fi"].answers == {keys["diet"]: "vegaani", keys["bus"]: True}
    assert registrations["bob_fi"].answers == {keys["diet"]: "ei"}
    assert registrations["alice_sv"].answers == {keys["diet"]: "vegansk", keys["bus"]: False}
    assert registrations["dave_sv"].answers == {keys["bus"]: True}

    # Alice keeps her seat; her queue place on the Finnish page is cancelled.
    alice = Registration.objects.filter(event_id=record.pk, email__iexact="alice@example.com")
    assert list(alice.filter(status__in=["confirmed", "waiting"])) == [registrations["alice_sv"]]
    assert registrations["alice_sv"].status == "confirmed"
    assert registrations["alice_fi"].status == "cancelled"
    assert registrations["alice_fi"].cancelled_at is not None
    assert registrations["bob_fi"].status == "waiting"
    assert registrations["dave_sv"].status == "waiting"

    # One queue for the event, first come first served across the languages.
    queue = Registration.objects.filter(event_id=record.pk, status="waiting").order_by(
        "created_at", "pk"
    )
    assert list(queue.values_list("pk", flat=True)) == [ids["dave_sv"], ids["bob_fi"]]

    # Survey rows follow the event.
    assert SurveyInvitation.objects.get(pk=before["invitation"]).event_id == record.pk
    assert SurveyAnswer.objects.get(pk=before["answer"]).event_id == record.pk

    # A page with no Finnish translation gives its own facts; a state with no page goes.
    alone_key, alone_pk = before["alone"]
    alone = Event.objects.get(translation_key=alone_key)
    assert (alone.municipality, alone.sequence) == ("Vasa", 0)
    assert EventPage.objects.get(pk=alone_pk).event_id == alone.pk
    assert not Event.objects.filter(translation_key=before["orphan"]).exists()

    # And the application's own models read the result.
    from events.models import Event as LiveEvent
    from events.models import Registration as LiveRegistration

    live = LiveEvent.objects.get(translation_key=before["key"])
    assert {page.pk for page in live.pages.all()} == set(before["pages"].values())
    assert live.page_in("sv").pk == before["pages"]["sv"]
    assert live.page_in("en").pk == before["pages"]["fi"]
    assert LiveRegistration.objects.get(pk=ids["dave_sv"]).waiting_position() == 1
    assert LiveRegistration.objects.get(pk=ids["bob_fi"]).waiting_position() == 2
    assert LiveRegistration.objects.get(pk=ids["alice_fi"]).waiting_position() is None
    assert timezone.is_aware(live.start)


@pytest.mark.django_db(transaction=True)
def test_revisions_from_before_keep_the_question_keys(old_apps):
    """A revision written before the migration (a pending draft, a scheduled publish, an
    old version to revert to) must restore each question with the key the migration
    gave it: publishing it otherwise gives the question a new random key, which parts it
    from its translations and from the answers stored under the old key."""
    before = _write_old_event(old_apps)
    _migrate(_leaves(MigrationExecutor(connection)))

    from wagtail.models import Revision

    from events.models import RegistrationQuestion

    page = Revision.objects.get(pk=before["revision"]).as_object()
    restored = {question.pk: question.key for question in page.registration_questions.all()}
    stored = dict(RegistrationQuestion.objects.filter(pk__in=restored).values_list("pk", "key"))
    assert restored == stored
