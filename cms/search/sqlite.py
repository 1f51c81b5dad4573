"""Wagtail's database search backend, ranked by SQLite's FTS5 itself.

Wagtail 8.0's SQLite backend (django-modelsearch 1.3) filters the pages by the ids that match
and then orders them by a correlated subquery that runs the full-text match again for every
matching page, so a common word over 1,000 pages took seconds. Here the pages are joined to
the FTS5 table and ordered by its `bm25()` in the same statement, so the match runs once and
the page of results is a LIMIT on it. Written as a subclass of the backend's query compiler so
it can be offered upstream; `tests/cms/test_search_backend.py` pins the versions it was
written for. Imported only on SQLite (`cms.search.backend`): Wagtail's
SQLite modules need the FTS5 model, which exists only there."""

from django.db.models import FloatField, Func, IntegerField
from django.db.models.functions import Cast

from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    SQLiteFTSIndexEntry,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
)
from modelsearch.query import MatchAll, Not

FTS_TABLE = SQLiteFTSIndexEntry._meta.db_table
# bm25's column weights, in the FTS table's column order: autocomplete, body, title.
COLUMN_WEIGHTS = (0.0, 1.0, 2.0)


class BM25(Func):
    """FTS5's relevance of the matched row (lower is better), with the title weighted."""

    template = f"bm25({FTS_TABLE}, {', '.join(map(str, COLUMN_WEIGHTS))})"
    output_field = FloatField()


def has_integer_pk(model):
    """Whether the model's primary key (followed through a parent link) is an integer."""
    field = model._meta.pk
    while field.is_relation:
        field = field.target_field
    return isinstance(field, IntegerField)


class RankedSQLiteSearchQueryCompiler(SQLiteSearchQueryCompiler):
    """Matches and ranks in one statement: the results joined to the FTS5 table."""

    def search(self, config, start, stop, score_field=None):
        query = normalize(self.query)
        if isinstance(query, (MatchAll, Not)):
            return super().search(config, start, stop, score_field)
        match = MatchExpression(
            self.fields or self.FTS_TABLE_FIELDS, self.build_search_query(query, config=config)
        )
        # The join through the index entry (restricted to the model's content types by the
        # generic relation) brings the FTS table into the statement under its own name. The
        # relation compares the text `object_id` with the page's id cast to text, which no
        # index serves; the same condition the other way round lets SQLite find each
        # matching row's page by its primary key.
        lookups = {"index_entries__sqliteftsindexentry__isnull": False}
        if has_integer_pk(self.queryset.model):
            lookups["pk"] = Cast("index_entries__object_id", IntegerField())
        queryset = self.queryset.filter(match, **lookups)
        if self.order_by_relevance or score_field:
            queryset = queryset.annotate(**{score_field or "_score": BM25()})
        if self.order_by_relevance:
            queryset = queryset.order_by(score_field or "_score", "-pk")
        elif not queryset.query.order_by:
            queryset = queryset.order_by("-pk")
        return queryset[start:stop]


class RankedSQLiteSearchBackend(SQLiteSearchBackend):
    query_compiler_class = RankedSQLiteSearchQueryCompiler
