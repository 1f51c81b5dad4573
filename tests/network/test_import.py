"""Staff import of projects and organisations: the report, idempotent re-import, the
470-row sample in one go, XLSX, bad rows and bad files, and who may import."""

import datetime
import io
from pathlib import Path

from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

import pytest
from openpyxl import Workbook

from cms import factories
from cms.demo.taxonomies import REGION_ROWS, TARGET_GROUPS, THEMES
from cms.models import TargetGroup, Theme
from cms.spreadsheets import UnreadableFile
from network.importing import import_rows, read_rows
from network.models import Organisation, Project

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).parents[2] / "network" / "demo_data" / "hankkeet_470.csv"
HEADER = "name,implementer,implementer_type,regions,start_date,end_date,target_groups,themes\n"


@pytest.fixture(autouse=True)
def taxonomies():
    factories.regions(REGION_ROWS)
    factories.terms(Theme, THEMES)
    factories.terms(TargetGroup, TARGET_GROUPS)


def upload(text, name="hankkeet.csv"):
    return SimpleUploadedFile(name, text.encode("utf-8"))


def import_csv(text, kind="projects"):
    return import_rows(kind, read_rows(upload(text)))


def test_the_470_row_sample_imports_in_one_go():
    report = import_rows("projects", read_rows(upload(SAMPLE.read_text("utf-8"))))

    assert report.rejected == []
    assert len(report.created) == 470
    assert Project.objects.count() == 470
    ossi = Project.objects.get(name="Arjen polku Kuopio")
    assert ossi.organisation.name in {
        "Kuopion kaupunki",
        *Organisation.objects.values_list("name", flat=True),
    }
    assert list(ossi.regions.values_list("slug", flat=True)) == ["pohjois-savo"]


def test_importing_the_same_file_again_changes_nothing():
    import_csv(SAMPLE.read_text("utf-8"))

    with CaptureQueriesContext(connection) as captured:
        report = import_csv(SAMPLE.read_text("utf-8"))

    writes = [q["sql"] for q in captured if q["sql"].split()[0] in {"INSERT", "UPDATE", "DELETE"}]
    assert (len(report.created), len(report.updated), report.unchanged) == (0, 0, 470)
    assert writes == []


def test_a_changed_row_updates_only_that_project():
    text = HEADER + (
        "OSSI,Kuopion kaupunki,municipality,pohjois-savo,2019-01-01,2023-12-31,nuoret,\n"
        "Voset,Varkauden kaupunki,municipality,pohjois-savo,2019-01-01,2022-12-31,,\n"
    )
    import_csv(text)

    report = import_csv(text.replace("nuoret", "nuoret; tyottomat"))

    assert report.updated == ["OSSI"] and report.unchanged == 1
    ossi = Project.objects.get(name="OSSI")
    assert set(ossi.target_groups.values_list("slug", flat=True)) == {"nuoret", "tyottomat"}


def test_bad_rows_are_rejected_with_reasons_and_the_rest_imported():
    text = HEADER + (
        "OSSI,Kuopion kaupunki,municipality,pohjois-savo,1.1.2019,31.12.2023,nuoret,\n"
        ",Kuopion kaupunki,municipality,pohjois-savo,2019-01-01,,,\n"
        "Ilman alkua,Kuopion kaupunki,,pohjois-savo,,,,\n"
        "Väärä alue,Kuopion kaupunki,,atlantis,2019-01-01,,,\n"
        "Väärin päin,Kuopion kaupunki,,,2023-01-01,2019-01-01,,\n"
        "Outo päivä,Kuopion kaupunki,,,32.13.2019,,,\n"
        "ossi,Kuopion kaupunki,,,2019-01-01,,,\n"
        "Ei toteuttajaa,,,,2019-01-01,,aikuiset,\n"
    )

    with translation.override("en"):
        report = import_csv(text)

    assert report.created == ["OSSI"]
    reasons = {number: " ".join(why) for number, _name, why in report.rejected}
    assert "name is missing" in reasons[3]
    assert "start date is missing" in reasons[4]
    assert "atlantis" in reasons[5]
    assert "ends before it starts" in reasons[6]
    assert "32.13.2019" in reasons[7]
    assert "earlier row" in reasons[8]
    assert "implementing organisation is missing" in reasons[9] and "aikuiset" in reasons[9]
    assert Project.objects.count() == 1
    assert not Organisation.objects.exclude(name="Kuopion kaupunki").exists()


def test_xlsx_with_real_dates_imports_like_csv():
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Name", "Implementer", "Regions", "Start_date", "End_date"])
    sheet.append(["OSSI", "Kuopion kaupunki", "Pohjois-Savo", datetime.datetime(2019, 1, 1), None])
    data = io.BytesIO()
    workbook.save(data)

    rows = read_rows(SimpleUploadedFile("hankkeet.xlsx", data.getvalue()))
    report = import_rows("projects", rows)

    assert report.created == ["OSSI"]
    project = Project.objects.get()
    assert project.start_date.isoformat() == "2019-01-01" and project.end_date is None
    assert project.regions.get().slug == "pohjois-savo"


def test_semicolon_separated_windows_csv_is_read():
    text = "name;implementer;start_date\nPömpeli;Kuopion kaupunki;1.1.2018\n"
    rows = read_rows(SimpleUploadedFile("h.csv", text.encode("cp1252")))

    assert rows == [
        (2, {"name": "Pömpeli", "implementer": "Kuopion kaupunki", "start_date": "1.1.2018"})
    ]


@pytest.mark.parametrize(
    ("name", "content"),
    [("h.xlsx", b"not a zip"), ("h.csv", b"\x00\x01\x02"), ("h.csv", b"")],
)
def test_unreadable_files_are_refused_with_a_reason(name, content):
    with pytest.raises(UnreadableFile):
        read_rows(SimpleUploadedFile(name, content))


def test_organisations_import_with_types_and_regions():
    text = "name,type,region,website\nKuopion kaupunki,municipality,pohjois-savo,https://www.kuopio.fi/\nSeurakunta,parish,,\nOuto,castle,,\n"

    report = import_csv(text, kind="organisations")
    again = import_csv(text, kind="organisations")

    assert sorted(report.created) == ["Kuopion kaupunki", "Seurakunta"]
    assert report.rejected[0][0] == 4 and "castle" in report.rejected[0][2][0]
    assert (len(again.created), len(again.updated), again.unchanged) == (0, 0, 2)
    assert Organisation.objects.get(name="Seurakunta").kind == Organisation.Kind.PARISH


def staff(client, django_user_model, *codenames):
    user = django_user_model.objects.create_user("viestija", password="pw")
    group = Group.objects.create(name="Testiryhmä")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in codenames:
        group.permissions.add(Permission.objects.get(codename=codename))
    user.groups.add(group)
    client.force_login(user)


def test_staff_upload_shows_the_report(client, django_user_model):
    staff(client, django_user_model, "add_project", "change_project", "add_organisation")
    url = reverse("network_admin:import")

    response = client.post(url, {"kind": "projects", "file": upload(SAMPLE.read_text("utf-8"))})

    html = response.content.decode()
    assert response.status_code == 200
    assert '<span data-count="created">470</span>' in html
    assert '<span data-count="rejected">0</span>' in html


def test_a_broken_upload_is_a_form_error_not_a_crash(client, django_user_model):
    staff(client, django_user_model, "add_project", "change_project", "add_organisation")

    response = client.post(
        reverse("network_admin:import"),
        {"kind": "projects", "file": SimpleUploadedFile("h.xlsx", b"garbage")},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert "report" not in response.context or response.context["report"] is None
    assert Project.objects.count() == 0


def test_editors_without_project_permissions_cannot_import(client, django_user_model):
    staff(client, django_user_model)

    response = client.post(
        reverse("network_admin:import"), {"kind": "projects", "file": upload(HEADER)}
    )

    assert response.status_code in (302, 403)
    assert Project.objects.count() == 0


def test_organisation_importers_cannot_import_projects(client, django_user_model):
    staff(client, django_user_model, "add_organisation", "change_organisation")

    response = client.post(
        reverse("network_admin:import"),
        {"kind": "projects", "file": upload(SAMPLE.read_text("utf-8"))},
    )

    assert response.status_code in (302, 403)  # Wagtail redirects a refused admin view
    assert Project.objects.count() == 0
