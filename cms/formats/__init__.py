"""Date and time formats per language (FORMAT_MODULE_PATH), so every date on the site
reads one way in each language: fi "5.2.2024 klo 13.00", sv "5.2.2024 kl. 13.00",
en "5 February 2024, 13:00".

Each module starts from Django's own formats for the language (input formats, number
separators) and replaces only the output formats. Templates use the names
(``|date:"DATE_FORMAT"``) and Python code uses `cms.dates`, never a literal pattern."""
