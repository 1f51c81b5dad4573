"""A new page is created once, however its editor's requests cross.

Wagtail's autosave sends the add form in the background (a JSON POST to the add URL) and
points the form at the edit URL only when the answer arrives. An editor who clicks
Publish before that posts the same form to the add URL a second time: on its own the
second request either finds the slug taken ("already in use", the page left a draft) or,
when both run at once, passes the form's slug check and fails in the page's own
`full_clean` with a 500.

So each add form carries a `creation_token` (a hidden field of `PageForm`), and:

- `SerializePageCreation` runs every POST to the add URL in a transaction that first
  locks the parent page's row (SQLite's IMMEDIATE transactions queue writers anyway), so
  two requests of one form run one after the other, never interleaved;
- after a request creates the page (`after_create_page`), `remember` keeps which page the
  token created, for this editor;
- a later request of the same form (`before_create_page`, `created_page`) is handed to
  Wagtail's edit view of that page (`hand_over`): the publish publishes it, an autosave
  saves it. An autosave arriving after the page was published is older than what was
  published and is refused as Wagtail refuses any outdated autosave."""

import json
import uuid

from django import forms
from django.core.cache import cache
from django.db import transaction
from django.http import JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.views.pages.edit import EditView
from wagtail.models import Page

ADD_VIEW = "wagtailadmin_pages:add"
# Long enough for an editor who left a re-shown add form (after a refused publish) open.
REMEMBER_SECONDS = 24 * 60 * 60

edit_view = EditView.as_view()


class PageForm(WagtailAdminPageForm):
    """Every page type's editor form: a new page's form carries its creation token."""

    creation_token = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["creation_token"]
        else:
            self.initial.setdefault("creation_token", uuid.uuid4().hex)


class SerializePageCreation:
    """Runs each POST to the add URL after the others under the same parent (see above).
    Last in MIDDLEWARE, so CSRF and sign-in checks have run before it calls the view."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if request.method != "POST" or match is None or match.view_name != ADD_VIEW:
            return None
        with transaction.atomic():
            parent = Page.objects.select_for_update().filter(pk=view_kwargs["parent_page_id"])
            list(parent.values_list("pk", flat=True))
            return view_func(request, *view_args, **view_kwargs)


def _key(request):
    token = request.POST.get("creation_token", "")
    try:
        token = uuid.UUID(hex=token).hex
    except ValueError:
        return None
    return f"page-creation:{request.user.pk}:{token}"


def remember(request, page):
    key = _key(request)
    if key is not None:
        cache.set(key, page.pk, REMEMBER_SECONDS)


def created_page(request, parent_page, page_class):
    """The page an earlier request of this add form created, if any."""
    key = _key(request) if request.method == "POST" else None
    pk = cache.get(key) if key else None
    if pk is None:
        return None
    page = Page.objects.filter(pk=pk, owner=request.user).first()
    if page is None or page.specific_class is not page_class:
        return None
    return page if page.get_parent().pk == parent_page.pk else None


def _expects_json(request):
    return not request.accepts("text/html")


def hand_over(request, page):
    """Answer the add form's request as the edit view of the page it already created."""
    if _expects_json(request) and page.live:
        return JsonResponse(
            {
                "success": False,
                "error_code": "invalid_revision",
                "error_message": _("Saving will overwrite a newer version."),
            },
            status=400,
        )
    response = edit_view(request, page_id=page.pk)
    if _expects_json(request) and response.status_code == 200:
        # Like the add view's own answer: the form now posts to the edit URL.
        data = json.loads(response.content)
        edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
        data.update(url=edit_url, hydrate_url=f"{edit_url}?_w_hydrate_create_view=1")
        response = JsonResponse(data)
    return response
