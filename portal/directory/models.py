from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from portal.core.text import fold, normalize


class StaffContact(models.Model):
    """A staff member's entry in the directory (danh bạ): position and phones.

    The units and who belongs to them are the follow-up's (``Unit``,
    ``Membership``); the e-mail is the user's own."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff member"),
        on_delete=models.CASCADE,
        related_name="staff_contact",
    )
    position = models.CharField(
        _("position"), max_length=255, blank=True, help_text=_("e.g. Chánh Văn phòng")
    )
    office_phone = models.CharField(_("office phone"), max_length=32, blank=True)
    mobile_phone = models.CharField(_("mobile phone"), max_length=32, blank=True)

    panels = [
        FieldPanel("user"),
        FieldPanel("position"),
        FieldRowPanel([FieldPanel("office_phone"), FieldPanel("mobile_phone")]),
    ]

    class Meta:
        verbose_name = _("directory entry")
        verbose_name_plural = _("directory entries")

    def __str__(self):
        return self.user.get_full_name() or self.user.get_username()

    def save(self, *args, **kwargs):
        self.position = normalize(self.position).strip()
        super().save(*args, **kwargs)


def folded(text):
    """What the directory's search compares: no diacritics, no case, đ as d."""
    return fold(normalize(text)).casefold()
