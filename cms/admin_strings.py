"""Wagtail admin strings that Wagtail's own Finnish and Swedish catalogues lack or word
oddly, on the screens editors work in (issue 24).

Marked here so that `makemessages` keeps them in the cms catalogue, `cms/locale`. That
directory is also the one entry of LOCALE_PATHS, which Django reads before every app's
catalogue, so our wording wins over Wagtail's in its own templates and views too. A
string Wagtail translates well is left out: an empty msgstr falls through to Wagtail's.

The admin's JavaScript strings (autosave, network errors) come from the `djangojs`
domain, which Wagtail's JavaScriptCatalog also merges with LOCALE_PATHS: their
overrides are kept by hand in `cms/locale/<lang>/LC_MESSAGES/djangojs.po` (cms has no
admin JavaScript of its own for `makemessages -d djangojs` to collect).

tests/cms/test_admin_finnish.py renders these screens in Finnish and Swedish and fails on
any of the English phrases it lists.
"""

from django.utils.translation import gettext_noop

WAGTAIL_STRINGS_MISSING_IN_FI_SV = [
    # The page editor: saving, validation, autosave and scheduling.
    gettext_noop("Autosave is paused"),
    gettext_noop("Autosave is <span>paused</span>"),
    gettext_noop("Saved"),
    gettext_noop("The page could not be created due to validation errors."),
    gettext_noop("The page could not be saved due to validation errors."),
    gettext_noop("There are validation errors, click save to highlight them."),
    gettext_noop("Go to the first error"),
    gettext_noop("Saving will overwrite a newer version."),
    gettext_noop("A network error occurred"),
    gettext_noop(
        "Troubleshoot your connection to the site before proceeding. Open the editor "
        "in a separate tab to view the last saved version."
    ),
    gettext_noop("View latest version"),
    gettext_noop("Schedule to publish"),
    gettext_noop("Scheduling…"),
    gettext_noop(
        'This publishing schedule will only take effect after you select the "Schedule '
        'to publish" option'
    ),
    gettext_noop("Once live anyone can view"),
    gettext_noop("To be created by %(user)s"),
    gettext_noop("Anyone can edit this %(model_name)s"),
    gettext_noop("Anyone can edit this %(model_name)s – lock it to prevent others from editing"),
    gettext_noop("Actions (footer)"),
    gettext_noop("Locale"),
    gettext_noop("Locale: "),
    gettext_noop("Locales"),
    # The editor's side panels: comments, checks, content metrics, preview.
    gettext_noop("Add or show comments"),
    gettext_noop("Toggle comments"),
    gettext_noop("Toggle checks"),
    gettext_noop("Toggle preview"),
    gettext_noop("Toggle status"),
    gettext_noop("Toggle section"),
    gettext_noop("Toggle minimap"),
    gettext_noop("Checks"),
    gettext_noop("Show issue"),
    gettext_noop("Content metrics"),
    gettext_noop("Readability"),
    gettext_noop("This data explained"),
    gettext_noop("How we calculate our metrics"),
    gettext_noop(
        "We extract the main content from the page preview, remove all formatting, and "
        "calculate the number of words."
    ),
    gettext_noop(
        "We calculate reading time from word count, using different reading speeds for "
        "different languages."
    ),
    gettext_noop(
        "We use a readability formula based on length of words and sentences. Long "
        "sentences and words result in a worse readability score."
    ),
    gettext_noop(
        'See our <a href="%(guide_link)s" target="_blank">content checks guide</a> for more '
        "information on how content metrics are calculated."
    ),
    gettext_noop("Correct the validation errors to resume preview (saving will highlight errors)"),
    # The accessibility checker's findings.
    gettext_noop("Add a concise description for search engines"),
    gettext_noop("Avoid skipping levels"),
    gettext_noop("Empty frame title found"),
    gettext_noop("Image alt text has inappropriate pattern"),
    gettext_noop("Incorrect heading hierarchy"),
    gettext_noop("Input button text is empty"),
    gettext_noop("Meta description is empty"),
    gettext_noop("Misusing paragraphs as headings"),
    gettext_noop("Table header text is empty"),
    gettext_noop("Use a meaningful title for screen reader users"),
    gettext_noop("Use meaningful text"),
    gettext_noop("Use meaningful text for screen reader users"),
    gettext_noop("Use proper heading tags"),
    # Keyboard shortcuts.
    gettext_noop("Show keyboard shortcuts"),
    gettext_noop("Application"),
    gettext_noop("Section"),
    gettext_noop("Text editing"),
    gettext_noop("Close dialog"),
    gettext_noop("Close modal dialogs (like this one)"),
    gettext_noop(
        "Keyboard shortcuts are currently enabled; manage your %(account_link)s to disable them."
    ),
    gettext_noop(
        "Keyboard shortcuts are currently disabled; manage your %(account_link)s to enable them."
    ),
    gettext_noop("account"),
    # The page explorer and the listings of pages and snippets.
    gettext_noop("Exploring"),
    gettext_noop("Date updated"),
    gettext_noop("Edited by"),
    gettext_noop("Has child pages"),
    gettext_noop("Any"),
    gettext_noop("Sort menu order"),
    gettext_noop("Unpublish selected pages"),
    gettext_noop("Delete selected snippets"),
    gettext_noop("All %(objects)s snippets on this screen selected"),
    gettext_noop("%(start_index)s-%(end_index)s of %(items_count)s %(model_name)s"),
    gettext_noop("More options for '%(title)s'"),
    gettext_noop("Sort by '%(label)s' in ascending order."),
    gettext_noop("Sort by '%(label)s' in descending order."),
    gettext_noop("Download XLSX"),
    gettext_noop("Pages using %(page_type)s"),
    # The dashboard and the menu.
    gettext_noop("Search all pages…"),
    gettext_noop("Search terms"),
    gettext_noop("Edit account avatar"),
    gettext_noop("Wagtail %(current_version)s editor guide"),
]
