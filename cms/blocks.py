"""StreamField blocks shared by the site's page types."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("heading"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("level"),
        choices=[("h2", _("Level 2")), ("h3", _("Level 3")), ("h4", _("Level 4"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        description = _("A heading that structures the page for every reader.")
        preview_value = {"text": "Osallisuus arjessa", "level": "h2"}


class BodyBlock(blocks.StreamBlock):
    """The body of every content page."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("paragraph"),
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        icon="pilcrow",
        template="blocks/paragraph_block.html",
        description=_("Text with links and lists."),
        preview_value="<p>Osallisuus tarkoittaa kokemusta kuulumisesta.</p>",
    )
    image = ImageBlock(
        label=_("image"),
        template="blocks/image_block.html",
        description=_("An image with its alt text."),
    )

    class Meta:
        template = "blocks/body_block.html"
