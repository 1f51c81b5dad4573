"""Facts every public page asks for many times, looked up once per request.

Rendering one page asks Wagtail for the active locale about ten times (routing, every
`.localized`, every translated link) and for the site's page view restrictions once per
`.public()` queryset and once more to guard the page itself. Both are a handful of rows
that change only in the admin, so within one request the first answer serves them all:
`RequestMemoMiddleware` opens a memo for the request, and Wagtail's two lookups read it.
Between requests the rows wait in the shared cache (Redis in production, so every process
sees one copy), deleted whenever a locale or a restriction is saved or deleted or a page
moves, and kept at most `SHARED_TIMEOUT` seconds in any case. Outside a request
(management commands, tasks) Wagtail's lookups ask the database as usual.
"""

from contextvars import ContextVar

from django.core.cache import cache
from django.db.models import Q
from django.db.models.signals import post_delete, post_save

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, PageViewRestriction, Site
from wagtail.models.i18n import LocaleManager, TranslatableMixin
from wagtail.query import PageQuerySet
from wagtail.signals import page_published, page_unpublished, post_page_move

_memo: ContextVar[dict | None] = ContextVar("request_memo", default=None)
SHARED_KEY = "request_memo:locales-and-restrictions"
SITES_KEY = "request_memo:sites"
SHARED_TIMEOUT = 300


def memoized(key, compute):
    """`compute()`, asked once per request for each `key`; every time outside a request."""
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def in_request():
    """Whether a request's memo is open."""
    return _memo.get() is not None


class RequestMemoMiddleware:
    """Opens the memo for one request and drops it when the response is built."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _memo.set({})
        try:
            return self.get_response(request)
        finally:
            _memo.reset(token)


def _forget(**kwargs):
    cache.delete_many([SHARED_KEY, SITES_KEY])
    memo = _memo.get()
    if memo is not None:
        memo.clear()


def _read_shared():
    facts = cache.get(SHARED_KEY)
    if facts is None:
        facts = {
            "locales": {loc.language_code: loc for loc in Locale.objects.all()},
            "restrictions": list(PageViewRestriction.objects.select_related("page")),
        }
        cache.set(SHARED_KEY, facts, SHARED_TIMEOUT)
    return facts


def _shared():
    return memoized("shared", _read_shared)


def locales():
    """{language code: Locale} of every locale."""
    return _shared()["locales"]


def locale_for_id(locale_id):
    """The locale with primary key `locale_id`, from the same per-request rows."""
    return next(loc for loc in locales().values() if loc.pk == locale_id)


def _get_for_language(manager, language_code):
    """Wagtail's `Locale.objects.get_for_language`, answered from the request's locales."""
    if _memo.get() is None:
        return _wagtail_get_for_language(manager, language_code)
    locale = locales().get(get_supported_content_language_variant(language_code))
    if locale is None:
        raise Locale.DoesNotExist(language_code)
    return locale


def restrictions():
    """Every page view restriction with its page."""
    return _shared()["restrictions"]


def live_children(page):
    """The live, public children of `page`, as their own page types with the type's
    fields deferred: the main menu and the home page's sections read the same rows."""
    return memoized(
        ("live_children", page.pk),
        lambda: list(page.get_children().live().public().specific(defer=True)),
    )


def seed_live_children(page, children):
    """Record `page`'s live children read along with other rows (see
    `site_tags.page_translations`), unless this request has already read them."""
    memo = _memo.get()
    if memo is not None:
        memo.setdefault(("live_children", page.pk), [c for c in children if is_public(c)])


def remember_translations(pages):
    """Keep live pages this request has read, so that asking another page for its
    translation into one of their locales (`.localized`, translated links) needs no query."""
    memo = _memo.get()
    if memo is not None:
        for page in pages:
            memo.setdefault(("translation", page.translation_key, page.locale_id), page)


def _get_translation_or_none(instance, locale):
    """Wagtail's `get_translation_or_none`, answered from `remember_translations` first."""
    memo = _memo.get()
    if memo is not None:
        locale_id = locale.pk if isinstance(locale, Locale) else locale
        found = memo.get(("translation", instance.translation_key, locale_id))
        if found is not None:
            return found
    return _wagtail_get_translation_or_none(instance, locale)


def is_public(page):
    """Whether `page` is outside every restricted section."""
    return not any(page.path.startswith(r.page.path) for r in restrictions())


def cached_rows(model):
    """Every row of a small table that only editors change (event types, regions,
    themes), in its default order: from the request's memo, else the shared cache, else
    one query. `watch_rows` must have been called for the model, so edits clear it."""
    key = f"request_memo:rows:{model._meta.label_lower}"

    def read():
        rows = cache.get(key)
        if rows is None:
            rows = list(model._default_manager.all())
            cache.set(key, rows, SHARED_TIMEOUT)
        return rows

    return memoized(key, read)


def watch_rows(*models):
    """Forget a model's `cached_rows` whenever one of its rows is saved or deleted."""
    for model in models:
        key = f"request_memo:rows:{model._meta.label_lower}"

        def forget(key=key, **kwargs):
            cache.delete(key)
            memo = _memo.get()
            if memo is not None:
                memo.pop(key, None)

        uid = f"request_memo.rows.{model._meta.label_lower}"
        post_save.connect(forget, sender=model, weak=False, dispatch_uid=uid)
        post_delete.connect(forget, sender=model, weak=False, dispatch_uid=uid + ".d")


def cached_row(model, pk):
    """The row of `model` with primary key `pk` from `cached_rows`, or None."""
    return next((row for row in cached_rows(model) if row.pk == pk), None)


def use_cached_relations(instance, names):
    """Fill `instance`'s many-to-many relations `names` (to tables `cached_rows` keeps,
    each watched with `watch_rows`) as if prefetched: one query reads the ids of all of
    them, rather than one prefetch each. A row's `parent`, if it has one, is filled too."""
    chosen = {name: set() for name in names}
    rows_of_ids = type(instance)._default_manager.filter(pk=instance.pk).values_list(*names)
    for ids in rows_of_ids:
        for name, pk in zip(names, ids, strict=True):
            if pk is not None:
                chosen[name].add(pk)
    prefetched = instance.__dict__.setdefault("_prefetched_objects_cache", {})
    for name in names:
        model = instance._meta.get_field(name).related_model
        rows = [row for row in cached_rows(model) if row.pk in chosen[name]]
        for row in rows:
            if getattr(row, "parent_id", None):
                row._state.fields_cache["parent"] = cached_row(model, row.parent_id)
        queryset = getattr(instance, name).all()
        queryset._result_cache, queryset._prefetch_done = rows, True
        prefetched[name] = queryset


def _private_q(queryset):
    """Wagtail's `PageQuerySet.private_q` built from the request's restrictions."""
    q = Q()
    for restriction in restrictions():
        q |= queryset.descendant_of_q(restriction.page, inclusive=True)
    return q if q else Q(pk__in=[])


def _find_site_for_request(request):
    """Wagtail's `Site._find_for_request`, kept per host and port in the shared cache:
    the site and its root page (whose address and translations every page reads)."""
    if _memo.get() is None:
        return _wagtail_find_site(request)
    key = (request._get_raw_host(), request.get_port())
    sites = cache.get(SITES_KEY) or {}
    if key not in sites:
        sites[key] = _wagtail_find_site(request)
        cache.set(SITES_KEY, sites, SHARED_TIMEOUT)
    return sites[key]


_wagtail_get_for_language = LocaleManager.get_for_language
_wagtail_find_site = Site._find_for_request
_wagtail_get_translation_or_none = TranslatableMixin.get_translation_or_none


def install():
    """Point Wagtail's locale and restriction lookups at the memo (from `AppConfig.ready`)."""
    LocaleManager.get_for_language = _get_for_language
    Site._find_for_request = staticmethod(_find_site_for_request)
    TranslatableMixin.get_translation_or_none = _get_translation_or_none
    PageQuerySet.private_q = _private_q
    for model in (Locale, PageViewRestriction, Site):
        post_save.connect(_forget, sender=model, dispatch_uid=f"request_memo.{model.__name__}")
        post_delete.connect(_forget, sender=model, dispatch_uid=f"request_memo.{model.__name__}.d")
    for signal in (post_page_move, page_published, page_unpublished):
        signal.connect(_forget, dispatch_uid=f"request_memo.{id(signal)}")
