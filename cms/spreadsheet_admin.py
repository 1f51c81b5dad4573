"""Snippet listings' spreadsheet export (Wagtail's `list_export`) written by
cms.spreadsheets like every other export.

Wagtail's own CSV has commas and no byte-order mark (Finnish Excel shows one column
of mojibake) and writes a name typed on a public form as it is, so "=HYPERLINK(…)"
runs as a formula. Its XLSX is already safe (a formula-like text stays a text cell)
and is kept. A viewset with `list_export` inherits SpreadsheetSnippetViewSet."""

import itertools

from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from cms import spreadsheets


class SpreadsheetIndexView(IndexView):
    def write_csv_response(self, queryset):
        header = [self.get_heading(queryset, field) for field in self.list_export]
        rows = (
            [
                self.preprocess_field_value(field, value, self.FORMAT_CSV)
                for field, value in self.to_row_dict(item).items()
            ]
            for item in queryset
        )
        filename = f"{self.get_filename()}.csv"
        return spreadsheets.csv_response(itertools.chain([header], rows), filename, stream=True)


class SpreadsheetSnippetViewSet(SnippetViewSet):
    index_view_class = SpreadsheetIndexView
