"""Images whose files are never public: each is served by a view that asks
whether the requesting user may see an item that uses it."""

from django.core.files.storage import storages
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import (
    AbstractImage,
    AbstractRendition,
    WagtailImageField,
    get_upload_to,
)
from wagtail.images.models import Image as WagtailImage
from wagtail.images.utils import generate_signature
from wagtail.models import Page, ReferenceIndex
from wagtail.permissions import policy_registry

from portal.access.models import AccessControlled, is_visible
from portal.core.uploads import IMAGE_KINDS, FileKindValidator


def private_storage():
    return storages["private"]


class PortalImage(AbstractImage):
    file = WagtailImageField(
        verbose_name=WagtailImage._meta.get_field("file").verbose_name,
        upload_to=get_upload_to,
        storage=private_storage,
        width_field="width",
        height_field="height",
        validators=[FileKindValidator(IMAGE_KINDS)],
    )

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")

    admin_form_fields = WagtailImage.admin_form_fields

    def using_items(self):
        """The pages and other items whose content uses this image."""
        return [
            item for item, _references in ReferenceIndex.get_grouped_references_to(self)
        ]

    def is_visible_to(self, user, request=None):
        """Whoever may see a published item that uses the image may see the image;
        those who manage images see them all."""
        policy = policy_registry.get_by_type(PortalImage)
        if policy.user_has_any_permission(user, ["add", "change", "choose"]):
            return True
        return any(_item_is_visible(item, user, request) for item in self.using_items())


def _item_is_visible(item, user, request):
    if isinstance(item, Page):
        item = item.specific  # the reference index hands out base pages
    if not getattr(item, "live", True):
        return False
    if isinstance(item, (AccessControlled, Page)):
        return is_visible(item, user, request)
    return False


class PortalRendition(AbstractRendition):
    image = models.ForeignKey(
        PortalImage,
        verbose_name=_("image"),
        on_delete=models.CASCADE,
        related_name="renditions",
    )

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
        verbose_name = _("image rendition")
        verbose_name_plural = _("image renditions")

    @property
    def url(self):
        # Every rendition is fetched through the checking view (views.serve).
        signature = generate_signature(self.image_id, self.filter_spec)
        filename = self.image.file.name.rsplit("/", 1)[-1]
        return reverse(
            "image_serve", args=(signature, self.image_id, self.filter_spec, filename)
        )
