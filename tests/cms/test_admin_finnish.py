"""Editors meet no English in the Finnish or Swedish admin (issue 24): the screens they
work in, rendered for a user whose admin language is Finnish or Swedish, carry none of the
English phrases (or the odd wording) that Wagtail 8's own catalogues leave, because
cms/admin_strings.py and cms/locale fill those gaps."""

import json

from django.urls import reverse

from wagtail.users.models import UserProfile

import lxml.html
import pytest

from network.models import Member
from tests.events.factories import EventIndexPageFactory, EventPageFactory, RegistrationFactory
from tests.network.factories import OrganisationFactory, PracticeModelFactory, ProjectFactory
from tests.newsletters.factories import (
    MailingListFactory,
    NewsletterIndexPageFactory,
    NewsletterIssuePageFactory,
)

pytestmark = pytest.mark.django_db

# Found by rendering these screens in Finnish and Swedish and reading what stayed English.
ENGLISH = [
    "The page could not be saved due to validation errors",
    "The page could not be created due to validation errors",
    "There are validation errors, click save to highlight them",
    "Go to the first error",
    "Search terms",
    "Unpublish selected pages",
    "Date updated",
    "Edited by",
    "Has child pages",
    "Any",
    "Exploring",
    "1-1 of 1",
    "1-2 of 2",
    "More options for",
    "Sort by '",
    "Sort menu order",
    "Search all pages",
    "Edit account avatar",
    "editor guide",
    "Actions",
    "Actions (footer)",
    "Autosave is",
    "A network error occurred",
    "Troubleshoot your connection",
    "View latest version",
    "Schedule to publish",
    "Once live anyone can view",
    "To be created by",
    "Add or show comments",
    "Toggle comments",
    "Toggle checks",
    "Toggle preview",
    "Toggle status",
    "Toggle section",
    "Toggle minimap",
    "Checks",
    "Show issue",
    "Content metrics",
    "Readability",
    "This data explained",
    "How we calculate our metrics",
    "We extract the main content",
    "We calculate reading time",
    "We use a readability formula",
    "See our",
    "for more information on how content metrics are calculated",
    "Correct the validation errors to resume preview",
    "Meta description is empty",
    "Incorrect heading hierarchy",
    "Use meaningful text",
    "Show keyboard shortcuts",
    "Application",
    "Section",
    "Text editing",
    "Close dialog",
    "Close modal dialogs",
    "Keyboard shortcuts are currently",
    # Odd Finnish wording in Wagtail's own catalogue, and the member's own "my data"
    # on the staff's erase screen.
    "SIvut tyyppiä",
    "Maa-asetusto",
    "Hae XLSX",
    "pätkät",
    "Kuka tahansa voi muokata tätä sivu",
    "tietoni poistetaan",
]

# Attributes a screen reader or a tooltip reads out.
READ_ATTRIBUTES = ("title", "aria-label", "placeholder", "data-w-tooltip-content-value")


def _strings(value):
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return [s for item in value for s in _strings(item)]
    return [value] if isinstance(value, str) else []


def readable_texts(html):
    """What an editor reads or hears: text, the attributes above, and the labels of the
    menu and the editor's panels, which Wagtail hands to its scripts as JSON."""
    document = lxml.html.fromstring(html)
    texts = []
    for script in document.xpath("//script[@type='application/json']"):
        texts += _strings(json.loads(script.text or "null"))
    for element in document.xpath("//script|//style"):
        element.drop_tree()
    texts += document.xpath("//text()")
    for attribute in READ_ATTRIBUTES:
        texts += document.xpath(f"//@{attribute}")
    return {" ".join(text.split()) for text in texts} - {""}


def english_in(html):
    """The phrases found: a one-word phrase as a whole text, a longer one anywhere in one."""
    texts = readable_texts(html)
    return sorted(
        phrase
        for phrase in ENGLISH
        if any(text == phrase or (" " in phrase and phrase in text) for text in texts)
    )


def editor_form_data(html):
    """The editor form as the browser would send it, with the title left empty."""
    form = lxml.html.fromstring(html).get_element_by_id("page-edit-form")
    data = {}
    for name, value in form.form_values():
        data.setdefault(name, []).append(value)
    # The body's StreamField is built by the editor's script; empty, it sends its count.
    data.update({"title": [""], "body-count": ["0"], "action-publish": ["action-publish"]})
    return data


@pytest.fixture
def screens(client, admin_user, home):
    """The screens editors work in, with their addresses; two are posted with an error."""
    index = EventIndexPageFactory(parent=home)
    event = EventPageFactory(parent=index, title="Etäkahvila", registration_enabled=True)
    RegistrationFactory(event=event, name="Maija Meikäläinen", email="maija@example.org")
    for _ in range(5):
        ProjectFactory()
    OrganisationFactory()
    PracticeModelFactory()
    member = Member.objects.create(email="jasen@example.org", name="Jäsen")
    issue = NewsletterIssuePageFactory(parent=NewsletterIndexPageFactory(parent=home))
    MailingListFactory(name="Osallisuutta päätöksiin")
    client.force_login(admin_user)
    return {
        "explorer": reverse("wagtailadmin_explore", args=[index.pk]),
        "explorer of the home page": reverse("wagtailadmin_explore", args=[home.pk]),
        "new event": reverse("wagtailadmin_pages:add", args=["events", "eventpage", index.pk]),
        "event editor": reverse("wagtailadmin_pages:edit", args=[event.pk]),
        "projects": reverse("wagtailsnippets_network_project:list"),
        "organisations": reverse("wagtailsnippets_network_organisation:list"),
        "practice models": reverse("wagtailsnippets_network_practicemodel:list"),
        "members": reverse("wagtailsnippets_network_member:list"),
        "member": reverse("wagtailsnippets_network_member:edit", args=[member.pk]),
        "erasing a member": reverse("network_admin:member_erase", args=[member.pk]),
        "newsletter sending": reverse("newsletters_admin:issue", args=[issue.pk]),
        "registrations": reverse("events_registrations", args=[event.pk]),
        "dashboard": reverse("wagtailadmin_home"),
        "page types": reverse("wagtailadmin_reports:page_types_usage"),
    }


def render(client, screens):
    """Every screen's HTML, and the two editors again after saving without a title."""
    rendered = {name: client.get(url).content.decode() for name, url in screens.items()}
    for name in ("new event", "event editor"):
        response = client.post(screens[name], editor_form_data(rendered[name]))
        assert response.status_code == 200
        rendered[f"{name} with an error"] = response.content.decode()
    return rendered


def set_admin_language(user, language):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_the_editors_screens_hold_no_english(client, admin_user, screens, language):
    set_admin_language(admin_user, language)

    rendered = render(client, screens)

    found = {name: english_in(html) for name, html in rendered.items()}
    assert {name: phrases for name, phrases in found.items() if phrases} == {}


def test_a_page_saved_with_an_error_says_so_in_finnish(client, admin_user, screens):
    set_admin_language(admin_user, "fi")

    html = render(client, screens)["event editor with an error"]

    assert "Sivua ei voitu tallentaa, koska lomakkeessa on virheitä." in html
    assert "Siirry ensimmäiseen virheeseen" in html


def test_listings_count_their_rows_in_finnish(client, admin_user, screens):
    set_admin_language(admin_user, "fi")

    html = client.get(screens["explorer of the home page"]).content.decode()

    assert "sivut 1–2 / 2" in html


# The editor's scripts read these from Wagtail's JavaScript catalogue.
SCRIPT_STRINGS = {
    "fi": {
        "Autosave in progress…": "Tallennetaan automaattisesti…",
        "Changes have been autosaved.": "Muutokset on tallennettu automaattisesti.",
        "A network error occurred.": "Tapahtui verkkovirhe.",
        "A server error occurred.": "Palvelimella tapahtui virhe.",
    },
    "sv": {
        "Autosave in progress…": "Sparar automatiskt…",
        "Changes have been autosaved.": "Ändringarna har sparats automatiskt.",
        "Pin toolbar": "Fäst verktygsfältet",
    },
}


@pytest.mark.parametrize("language", ["fi", "sv"])
def test_the_editors_scripts_speak_the_admin_language(client, admin_user, language):
    set_admin_language(admin_user, language)
    client.force_login(admin_user)

    script = client.get(reverse("wagtailadmin_javascript_catalog")).content.decode()

    catalogue = json.loads(script.split("const newcatalog = ", 1)[1].split(";\n", 1)[0])
    expected = SCRIPT_STRINGS[language]
    assert {english: catalogue.get(english) for english in expected} == expected
