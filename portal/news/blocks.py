from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    caption = blocks.CharBlock(label=_("caption"), required=False)

    class Meta:
        icon = "image"
        template = "blocks/captioned_image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("quotation"))
    source = blocks.CharBlock(label=_("source"), required=False)

    class Meta:
        icon = "openquote"
        template = "blocks/quote.html"


class DocumentLinkBlock(blocks.StructBlock):
    """A link to a document of the archive, shown only to those who may see it."""

    document = SnippetChooserBlock("documents.Document", label=_("document"))

    class Meta:
        icon = "doc-full"
        template = "blocks/document_link.html"


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("paragraph"),
        features=["bold", "italic", "link", "ol", "ul", "h2", "h3"],
    )
    image = CaptionedImageBlock(label=_("image"))
    quote = QuoteBlock(label=_("quotation"))
    document = DocumentLinkBlock(label=_("archive document"))
