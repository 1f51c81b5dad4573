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
from wagtail.models import Locale, PageViewRestriction
from wagtail.models.i18n import LocaleManager
from wagtail.query import PageQuerySet
from wagtail.signals import post_page_move

_memo: ContextVar[dict | None] = ContextVar("request_memo", default=None)
SHARED_KEY = "request_memo:locales-and-restrictions"
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
    cache.delete(SHARED_KEY)
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


def _private_q(queryset):
    """Wagtail's `PageQuerySet.private_q` built from the request's restrictions."""
    q = Q()
    for restriction in restrictions():
        q |= queryset.descendant_of_q(restriction.page, inclusive=True)
    return q if q else Q(pk__in=[])


_wagtail_get_for_language = LocaleManager.get_for_language


def install():
    """Point Wagtail's locale and restriction lookups at the memo (from `AppConfig.ready`)."""
    LocaleManager.get_for_language = _get_for_language
    PageQuerySet.private_q = _private_q
    for model in (Locale, PageViewRestriction):
        post_save.connect(_forget, sender=model, dispatch_uid=f"request_memo.{model.__name__}")
        post_delete.connect(_forget, sender=model, dispatch_uid=f"request_memo.{model.__name__}.d")
    post_page_move.connect(_forget, dispatch_uid="request_memo.page_move")
