"""Publishing an issue from its sending screen ("publish and send"): a sender who
finds the issue unpublished need not leave the screen and lose the lists and time
they chose."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


class NotPublished(Exception):
    """The latest revision could not be published; the message says what to do."""

    message = _(
        "The issue could not be published: open it in the editor, fix what it reports and "
        "publish it there."
    )


def publish_latest_revision(issue, user):
    """Publish the issue's latest revision as `user`, with Wagtail's own permission
    check, or raise NotPublished (an invalid draft, a go-live time still ahead)."""
    revision = issue.get_latest_revision() or issue.save_revision(user=user)
    try:
        revision.publish(user=user)
    except ValidationError as error:
        raise NotPublished from error
    issue.refresh_from_db()
    if not issue.live:
        raise NotPublished
