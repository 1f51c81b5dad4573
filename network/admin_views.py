"""Staff views of the network in the Wagtail admin: the directory's spreadsheet import,
and one member's data behind the member permissions (everything the apps hold about
them, read through the personal-data registry, and the "Export" and "Erase" actions,
each logged with the member's number and the staff user)."""

import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from cms import privacy
from cms.spreadsheets import UnreadableFile
from network.forms import EraseMemberForm, ImportForm
from network.importing import import_rows, read_rows
from network.members import data_rights
from network.models import Member, MemberDataLog

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


VIEW_PERMISSION = "network.view_member"
EXPORT_PERMISSION = "network.export_member"
ERASE_PERMISSION = "network.erase_member"


def _require(request, permission):
    if not request.user.has_perm(permission):
        raise PermissionDenied


def member_data(request, pk):
    """The member's history across the apps: registrations, subscriptions and more."""
    _require(request, VIEW_PERMISSION)
    member = get_object_or_404(Member, pk=pk)
    sections = [
        (entry, entry.export(member)) for entry in privacy.entries() if entry.model is not Member
    ]
    context = {
        "member": member,
        "sections": sections,
        "log": MemberDataLog.objects.filter(member_number=member.pk).select_related("user"),
        "can_export": request.user.has_perm(EXPORT_PERMISSION),
        "can_erase": request.user.has_perm(ERASE_PERMISSION),
    }
    return render(request, "network/admin/member_data.html", context)


def export(request, pk):
    _require(request, EXPORT_PERMISSION)
    member = get_object_or_404(Member, pk=pk)
    data = data_rights.export(member, user=request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    filename = f"member-{member.pk}-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_http_methods(["GET", "POST"])
def erase(request, pk):
    _require(request, ERASE_PERMISSION)
    member = get_object_or_404(Member, pk=pk)
    form = EraseMemberForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data_rights.erase(member, user=request.user)
        messages.success(request, _("The member's data has been erased."))
        return redirect("wagtailsnippets_network_member:list")
    return render(
        request,
        "network/admin/member_erase.html",
        {"member": member, "form": form},
        status=400 if form.errors else 200,
    )
