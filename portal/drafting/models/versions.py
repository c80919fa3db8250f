from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.core.uploads import FileKindValidator, detect_kind
from portal.documents.models.document import private_storage

# Drafts are written in Word or as PDFs; the signer signs a PDF.
DRAFT_KINDS = ("pdf", "docx")


def version_upload_to(version, filename):
    return f"drafting/{version.draft_id}/{filename}"


class DraftVersion(models.Model):
    """One version of a draft's file; none is ever replaced or deleted."""

    class Kind(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SIGNED = "signed", _("Signed by the signer")
        RELEASED = "released", _("Released, with the organisation's signature")

    draft = models.ForeignKey(
        "drafting.Draft",
        verbose_name=_("draft"),
        on_delete=models.CASCADE,
        related_name="versions",
    )
    number = models.PositiveSmallIntegerField(_("version"))
    kind = models.CharField(
        _("kind"), max_length=16, choices=Kind.choices, default=Kind.DRAFT
    )
    file = models.FileField(
        _("file"),
        upload_to=version_upload_to,
        storage=private_storage,
        validators=[FileKindValidator(DRAFT_KINDS)],
        help_text=_("DOCX or PDF. The signer signs a PDF: upload one before signing."),
    )
    note = models.CharField(_("note"), max_length=255, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("draft version")
        verbose_name_plural = _("draft versions")
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(
                fields=["draft", "number"], name="one_draft_version_per_number"
            )
        ]

    def __str__(self):
        return f"{self.draft} — v{self.number}"

    @property
    def filename(self):
        return self.file.name.rsplit("/", 1)[-1]

    @property
    def is_pdf(self):
        kind = detect_kind(self.file)
        return kind is not None and kind.name == "pdf"
