"""Site search: word stems in each page's language, FTS5 ranking on SQLite, highlighting."""
