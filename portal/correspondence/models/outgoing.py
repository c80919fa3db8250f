from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from portal.access.models import AccessLevel
from portal.core.symbols import Symbol, symbol_key
from portal.core.text import normalize
from portal.core.uploads import DOCUMENT_KINDS
from portal.documents.models import Attachment, Document
from portal.signing.tasks import verify_later

from .base import RegisterEntry, RegisterQuerySet, register_file
from .choices import PARTY_TYPE_CHOICES
from .numbering import Register, next_number, record_number

RELEASE = "portal.correspondence.release"
ARCHIVE = "portal.correspondence.archive"


class OutgoingQuerySet(RegisterQuerySet):
    def released(self):
        return self.filter(status=OutgoingDocument.Status.RELEASED)


class OutgoingDocument(RegisterEntry):
    """An entry of the outgoing register (sổ văn bản đi).

    The clerk records the document while it awaits release; releasing it gives
    its number, which runs from 01 for each type within a committee term and
    issuer, composes its symbol (``05-CV/VPTU``), and puts a public or
    internal document into the archive.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Awaiting release")
        RELEASED = "released", _("Released")

    document_type = models.CharField(
        _("document type"), max_length=8, choices=PARTY_TYPE_CHOICES
    )
    # Released into the archive, so it is what the archive accepts.
    file = register_file(DOCUMENT_KINDS)
    issuer = models.ForeignKey(
        "documents.IssuingBody",
        verbose_name=_("issuing body"),
        on_delete=models.PROTECT,
        related_name="outgoing_documents",
    )
    term = models.CharField(
        _("term"),
        max_length=16,
        help_text=_("Numbering restarts with each term, e.g. XVII"),
    )
    signer = models.CharField(_("signer"), max_length=255)
    signer_position = models.CharField(
        _("signer's position"), max_length=255, blank=True
    )
    recipients = models.TextField(_("recipients"), help_text=_("Nơi nhận, one a line"))
    copies = models.PositiveSmallIntegerField(_("number of copies"), default=1)
    access = models.CharField(
        _("access in the archive"),
        max_length=16,
        choices=AccessLevel.choices,
        default=AccessLevel.INTERNAL,
        help_text=_("Public and internal documents go into the archive when released."),
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=Status.choices,
        default=Status.DRAFT,
        editable=False,
        db_index=True,
    )
    number = models.PositiveIntegerField(_("number"), null=True, editable=False)
    symbol = models.CharField(
        _("number and symbol"), max_length=64, blank=True, editable=False
    )
    released_on = models.DateField(_("date"), null=True, editable=False)
    released_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("released by"),
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    archived_document = models.OneToOneField(
        "documents.Document",
        verbose_name=_("archived document"),
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="outgoing_entry",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = OutgoingQuerySet.as_manager()

    # Where the database search backend finds what the portal's search asks for.
    search_db_fields = {
        "symbol": "symbol_key",
        "type": "document_type",
        "issuer": "issuer__name",
        "year": "released_on__year",
        "date": "released_on",
    }

    class Meta:
        verbose_name = _("outgoing document")
        verbose_name_plural = _("outgoing documents")
        ordering = ["status", "-released_on", "-number", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["issuer", "document_type", "term", "number"],
                name="unique_outgoing_number_per_term",
            )
        ]
        permissions = [
            ("release_outgoingdocument", _("Can release outgoing documents"))
        ]

    def __str__(self):
        symbol = self.symbol or _("(not numbered)")
        return f"{symbol} — {self.title[:80]}"

    @classmethod
    def register_for_year(cls, year):
        return (
            cls.objects.released()
            .filter(released_on__year=year)
            .select_related("issuer")
            .order_by("released_on", "pk")
        )

    @property
    def released(self):
        return self.status == self.Status.RELEASED

    def clean(self):
        super().clean()
        if not self.released:
            return
        numbered_by = ("document_type", "issuer_id", "term")
        stored = type(self).objects.values(*numbered_by).get(pk=self.pk)
        if any(stored[name] != getattr(self, name) for name in numbered_by):
            raise ValidationError(
                _(
                    "A released document keeps its type, issuing body and term: its number depends on them."
                )
            )

    def numbering_scope(self):
        return f"{self.issuer_id}/{self.document_type}/{self.term}"

    def save(self, *args, **kwargs):
        self.title = normalize(self.title).strip()
        self.term = normalize(self.term).strip().upper()
        self.symbol_key = symbol_key(self.symbol) if self.symbol else ""
        self.fill_search_text(
            [self.symbol, self.symbol_key, self.title],
            [
                self.issuer.name if self.issuer_id else "",
                self.signer,
                self.recipients,
                self.notes,
                self.scan_text(),
            ],
        )
        super().save(*args, **kwargs)
        verify_later(self.file)  # a signed document's signatures, in the worker

    def release_errors(self):
        errors = []
        if self.released:
            errors.append(_("This document has already been released."))
        if not self.file:
            errors.append(_("Attach the signed document before releasing it."))
        if not self.issuer.abbreviation:
            errors.append(
                _("The issuing body %(issuer)s has no symbol abbreviation.")
                % {"issuer": self.issuer}
            )
        return errors

    def release(self, user=None, on=None, seal=None):
        """Number, date and release the document in one transaction; a public
        or internal one goes into the archive in the same step.

        ``seal(entry)``, when given, returns the file's final content once the
        entry has its number and date (the organisation's signature over
        them): the register and the archive keep that. If it fails, the
        release rolls back and the number is not used."""
        with transaction.atomic():
            # Locked, so that the same document is never released twice.
            type(self).objects.select_for_update().get(pk=self.pk)
            self.refresh_from_db()
            if errors := self.release_errors():
                raise ValidationError(errors)
            self.number = next_number(Register.OUTGOING, self.numbering_scope())
            self._mark_released(user, on)
            if seal is not None:
                self.file.save(self.filename, ContentFile(seal(self)), save=False)
                self.save(update_fields=["file"])
            if self.access != AccessLevel.RESTRICTED:
                self.archive(user)
        return self

    def register_released(self, symbol, released_on, user=None):
        """Record a document released elsewhere (an imported register), keeping
        its number; the numbering continues after it."""
        self.number = Symbol.parse(symbol).number
        with transaction.atomic():
            record_number(Register.OUTGOING, self.numbering_scope(), self.number)
            self._mark_released(user, released_on, imported=True)

    def _mark_released(self, user, on, imported=False):
        self.symbol = str(
            Symbol(self.number, self.document_type, self.issuer.abbreviation)
        )
        self.released_on = on or timezone.localdate()
        self.status = self.Status.RELEASED
        self.released_by = user
        self.save()
        log(
            instance=self,
            action=RELEASE,
            user=user,
            data={"symbol": self.symbol, "imported": imported},
        )

    def archive(self, user=None):
        """Put the released document into the archive, with its file."""
        identity = Document.identity_of(
            self.symbol, self.issuer_id, self.released_on, self.term
        )
        if Document.objects.filter(Document.identity_q([identity])).exists():
            raise ValidationError(
                _(
                    "The archive already holds %(symbol)s of %(issuer)s for term "
                    "“%(term)s” in %(year)s, so nothing was released. If a new term "
                    "has begun, enter it in this entry's term and release again "
                    "(numbering restarts with each term); otherwise ask the "
                    "archive's editors to check the document already there."
                )
                % {
                    "symbol": self.symbol,
                    "issuer": self.issuer,
                    "term": self.term,
                    "year": self.released_on.year,
                }
            )
        now = timezone.now()
        document = Document(
            document_type=self.document_type,
            symbol=self.symbol,
            issuer=self.issuer,
            issued_on=self.released_on,
            # A Party document takes effect when it is signed and released.
            effective_on=self.released_on,
            signer=self.signer,
            signer_position=self.signer_position,
            term=self.term,
            title=self.title,
            access=self.access,
            live=True,
            first_published_at=now,
            last_published_at=now,
        )
        attachment = Attachment(title=self.symbol)
        with self.file.open("rb") as handle:
            attachment.file.save(self.filename, ContentFile(handle.read()), save=False)
        document.attachments = [attachment]
        document.save()
        self.archived_document = document
        self.save(update_fields=["archived_document"])
        log(instance=self, action=ARCHIVE, user=user, data={"document": document.pk})
        return document
