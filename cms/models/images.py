"""The site's image model: its alt text (Wagtail's `description` field) belongs to the
image, and an image may be marked decorative so templates give it an empty alt."""

from django.core.files.base import ContentFile
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.images.models import AbstractImage, AbstractRendition, Image


class CustomImage(AbstractImage):
    is_decorative = models.BooleanField(
        _("decorative"),
        default=False,
        help_text=_("Decorative images are skipped by screen readers and need no alt text."),
    )

    admin_form_fields = (*Image.admin_form_fields, "is_decorative")

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")

    @property
    def default_alt_text(self):
        """What `{% image %}` puts in alt when a template gives none."""
        return "" if self.is_decorative else super().default_alt_text

    def generate_rendition_file(self, filter, *, source=None):
        """The rendition in memory, its temporary file closed.

        Wagtail renders into a SpooledTemporaryFile that Pillow rolls over to disk and
        nobody closes, so each new rendition would leak a file descriptor until garbage
        collection. Renditions are small; holding one in memory while it is saved is not.
        """
        generated = super().generate_rendition_file(filter, source=source)
        with generated.file as temporary:
            temporary.seek(0)
            return ContentFile(temporary.read(), name=generated.name)


class CustomRendition(AbstractRendition):
    image = models.ForeignKey(CustomImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
        verbose_name = _("image rendition")
        verbose_name_plural = _("image renditions")
