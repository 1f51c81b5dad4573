"""Staff views of the directory in the Wagtail admin: the spreadsheet import."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from network.forms import ImportForm
from network.importing import import_rows
from network.spreadsheets import UnreadableFile, read_rows

IMPORT_PERMISSIONS = {
    "projects": ("network.add_project", "network.change_project", "network.add_organisation"),
    "organisations": ("network.add_organisation", "network.change_organisation"),
}


def can_import(user):
    return any(user.has_perms(permissions) for permissions in IMPORT_PERMISSIONS.values())


def import_directory(request):
    if not can_import(request.user):
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        kind = form.cleaned_data["kind"]
        if not request.user.has_perms(IMPORT_PERMISSIONS[kind]):
            raise PermissionDenied
        try:
            rows = read_rows(form.cleaned_data["file"])
        except UnreadableFile as error:
            form.add_error("file", str(error))
        else:
            report = import_rows(kind, rows)
    return render(request, "network/admin/import.html", {"form": form, "report": report})
