"""Public views of cms that are not pages: site search, the tools page and robots.txt."""

from collections import defaultdict

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale, Page
from wagtail.search.utils import normalise_query_string

from cms.links import absolute_url
from cms.search.highlight import highlight
from cms.search.stemming import search_keys
from cms.tools import tools

RESULTS_PER_PAGE = 10
MAX_QUERY_LENGTH = 200


def clean_query(raw):
    """The query as the search backend can take it: no control characters, bounded length."""
    printable = "".join(char for char in raw if char.isprintable())
    return " ".join(printable.split())[:MAX_QUERY_LENGTH]


@require_GET
def search(request):
    """Pages of the active language matching `q`, promoted results first, ten to a page.

    A search only reads: Wagtail's hit counting (`Query.get(...).add_hit()`) wrote two rows
    per request, so it is left out, and the editors' *Search terms* report shows no visitor
    queries (it would hold what people typed, which the site does not need to keep)."""
    query = clean_query(request.GET.get("q", ""))
    results = promotions = None
    if query:
        language = Locale.get_active().language_code
        keys = search_keys(query, language)
        promotions = promoted_results(query)
        results = Paginator(matching_pages(keys), RESULTS_PER_PAGE).get_page(
            request.GET.get("page")
        )
        results.object_list = specific_in_bulk(results.object_list)
        for page in results.object_list:
            page.highlighted_title = highlight(page.title, keys, language)
            page.highlighted_description = highlight(page.meta_description, keys, language)
    context = {"query": query, "results": results, "promotions": promotions}
    return render(request, "cms/search.html", context)


def matching_pages(keys):
    """Live public pages of the active language whose words have every one of `keys`."""
    if not keys:
        return Page.objects.none()
    pages = Page.objects.live().public().filter(locale=Locale.get_active())
    return pages.search(" ".join(keys), operator="and")


def promoted_results(query):
    """Editors' picks for the query, read without creating the query's row as `Query.get` does."""
    return (
        SearchPromotion.objects.filter(query__query_string=normalise_query_string(query))
        .select_related("page")
        .order_by("sort_order")
    )


def specific_in_bulk(pages):
    """The specific pages for a page of results, one query per page type, in result order;
    the results already carry their types, so they are grouped without another query."""
    pages = list(pages)
    ids_by_model = defaultdict(list)
    for page in pages:
        ids_by_model[page.specific_class or Page].append(page.pk)
    by_id = {}
    for model, ids in ids_by_model.items():
        by_id.update((page.pk, page) for page in model._default_manager.filter(pk__in=ids))
    return [by_id[p.pk] for p in pages if p.pk in by_id]


@require_GET
@require_GET
def tools_page(request):
    """One page that gathers the tools the apps register, so each is two clicks from home
    (the footer links here and to each tool)."""
    return render(request, "cms/tools.html", {"tools": tools()})


def robots_txt(request):
    sitemap = absolute_url(reverse("sitemap"))
    lines = [
        "User-agent: *",
        f"Disallow: /{settings.WAGTAIL_ADMIN_PATH}",
        f"Sitemap: {sitemap}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
