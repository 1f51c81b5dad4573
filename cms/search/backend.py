"""The search backend named in WAGTAILSEARCH_BACKENDS: Wagtail's database backend, with the
FTS5-ranked query compiler of `cms.search.sqlite` on SQLite. PostgreSQL and MySQL keep
Wagtail's own backends."""

from django.db import connection

from wagtail.search.backends.database import SearchBackend as wagtail_backend_for_database


def SearchBackend(params):
    """The ranked backend on SQLite with FTS5, else what Wagtail chooses for the database
    (Wagtail looks a backend module's `SearchBackend` up by that name)."""
    backend = wagtail_backend_for_database(params)
    if connection.vendor != "sqlite":
        return backend
    from cms.search.sqlite import RankedSQLiteSearchBackend, SQLiteSearchBackend

    if isinstance(backend, SQLiteSearchBackend):
        return RankedSQLiteSearchBackend(params)
    return backend
