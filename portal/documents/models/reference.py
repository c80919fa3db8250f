from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from portal.core.collation import vietnamese


class IssuingBody(index.Indexed, models.Model):
    """Cơ quan ban hành: Bộ Chính trị, Ban Thường vụ Thành ủy, Văn phòng Thành ủy …

    Several bodies share one symbol abbreviation (Ban Chấp hành Trung ương,
    Bộ Chính trị and Ban Bí thư all sign "TW"), so the body is its own record.
    """

    name = models.CharField(_("name"), max_length=255, unique=True)
    abbreviation = models.CharField(
        _("symbol abbreviation"),
        max_length=20,
        blank=True,
        help_text=_("e.g. TW, VPTW, TU"),
    )
    # What a Party document's header shows (Hướng dẫn 36-HD/VPTW): the superior
    # body above the issuer's name, and the place before the date.
    superior = models.ForeignKey(
        "self",
        verbose_name=_("superior body"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown above the name in the header, e.g. Thành ủy Hà Nội"),
    )
    place = models.CharField(
        _("place of issue"),
        max_length=64,
        blank=True,
        help_text=_("Written before the date, e.g. Hà Nội"),
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("abbreviation"),
        FieldPanel("superior"),
        FieldPanel("place"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = [vietnamese("name")]
        verbose_name = _("issuing body")
        verbose_name_plural = _("issuing bodies")

    def __str__(self):
        return self.name

    @classmethod
    def find(cls, name_or_abbreviation):
        """The body with this name, or the only one with this abbreviation."""
        text = name_or_abbreviation.strip()
        body = cls.objects.filter(name__iexact=text).first()
        if body is None:
            same_abbreviation = list(cls.objects.filter(abbreviation__iexact=text)[:2])
            if len(same_abbreviation) == 1:
                body = same_abbreviation[0]
        return body


class SubjectAreaManager(models.Manager):
    def get_queryset(self):
        return super().get_queryset().order_by(vietnamese("name"))


class SubjectArea(models.Model):
    """Lĩnh vực: the subject areas a document belongs to."""

    name = models.CharField(_("name"), max_length=255, unique=True)

    # Listed in Vietnamese order by the manager, not Meta.ordering: modelcluster
    # sorts a document's chosen areas in Python by Meta.ordering, and cannot
    # read a collation (saving a document with two areas failed).
    objects = SubjectAreaManager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("subject area")
        verbose_name_plural = _("subject areas")

    def __str__(self):
        return self.name
