"""StreamField blocks shared by the site's page types."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

from cms.links import page_url


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


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=300)

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"
        description = _("An image with its alt text and an optional caption.")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("quote"), max_length=800)
    attribution = blocks.CharBlock(label=_("who said it"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        description = _("A quotation with the name of the person quoted.")
        preview_value = {
            "quote": "Osallisuusajattelu on jäsentynyt, levinnyt ja vakiinnuttanut asemaansa.",
            "attribution": "Hankejohtaja",
        }


class LinkStructValue(blocks.StructValue):
    """The link target of a button: the chosen page wins over a typed address."""

    def url(self):
        page = self.get("page")
        if page is not None:
            return page.localized.url
        return self.get("external_url") or ""

    def absolute_url(self):
        """The same target from BASE_URL, for an e-mail, which has no site to be relative to."""
        page = self.get("page")
        if page is not None:
            return page_url(page.localized)
        return self.get("external_url") or ""


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(
        label=_("button text"),
        max_length=80,
        help_text=_("Start with a verb, e.g. “Tilaa uutiskirje”."),
    )
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    external_url = blocks.URLBlock(
        label=_("or web address"), required=False, help_text=_("Used when no page is chosen.")
    )

    class Meta:
        icon = "link"
        template = "blocks/call_to_action_block.html"
        value_class = LinkStructValue
        description = _("A button that leads the reader to the next step.")
        preview_value = {"text": "Tilaa uutiskirje", "external_url": "https://example.org/"}

    def clean(self, value):
        value = super().clean(value)
        if not value.get("page") and not value.get("external_url"):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "page": blocks.BlockValidationError(_("Choose a page or give a web address."))
                }
            )
        return value


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("document"))
    label = blocks.CharBlock(
        label=_("link text"), required=False, help_text=_("The document's title if empty.")
    )

    class Meta:
        icon = "doc-full"
        template = "blocks/document_link_block.html"
        description = _("A link to a document with its file type and size.")


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
    image = CaptionedImageBlock(label=_("image"))
    quote = QuoteBlock(label=_("quote"))
    embed = EmbedBlock(
        label=_("video or embed"),
        icon="media",
        template="blocks/embed_block.html",
        description=_("A YouTube or Vimeo video by its address."),
        max_width=800,
    )
    document = DocumentLinkBlock(label=_("document link"))
    call_to_action = CallToActionBlock(label=_("call-to-action button"))
    table = TableBlock(
        label=_("table"),
        icon="table",
        template="blocks/table_block.html",
        description=_("A table of data; mark the first row as the header row."),
        preview_value={
            "first_row_is_table_header": True,
            "first_col_is_header": False,
            "data": [["Alue", "Hankkeita"], ["Pohjois-Suomi", "107"], ["Itä-Suomi", "96"]],
        },
    )

    class Meta:
        template = "blocks/body_block.html"


class HighlightBlock(blocks.StructBlock):
    """A card on the home page that points to a page editors want readers to see."""

    page = blocks.PageChooserBlock(label=_("page"))
    title = blocks.CharBlock(
        label=_("title"), required=False, max_length=120, help_text=_("The page's title if empty.")
    )
    text = blocks.TextBlock(label=_("text"), required=False, max_length=300)

    class Meta:
        icon = "pick"
        template = "blocks/highlight_block.html"
        description = _("A card that links to a chosen page.")


class HighlightsBlock(blocks.StreamBlock):
    highlight = HighlightBlock(label=_("highlight"))

    class Meta:
        template = "blocks/highlights_block.html"
