from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from portal.core.symbols import symbol_key
from portal.core.text import normalize
from portal.documents.types import DocumentType
from portal.signing.tasks import verify_later

from .base import RegisterEntry
from .numbering import Register, next_number, record_number

REGISTER_INCOMING = "portal.correspondence.register_incoming"


class IncomingDocument(RegisterEntry):
    """An entry of the incoming register (sổ văn bản đến).

    Its arrival number (số đến) runs from 1 within each year; it is given when
    the document is registered and never changes.
    """

    year = models.PositiveSmallIntegerField(_("year"), editable=False)
    number = models.PositiveIntegerField(_("arrival number"), editable=False)
    received_on = models.DateField(_("arrival date"), default=timezone.localdate)
    sender = models.ForeignKey(
        "documents.IssuingBody",
        verbose_name=_("sender"),
        on_delete=models.PROTECT,
        related_name="incoming_documents",
    )
    symbol = models.CharField(
        _("number and symbol"),
        max_length=64,
        help_text=_("As printed on the document, e.g. 36-HD/VPTW or 123/BNV-VP"),
    )
    dated = models.DateField(_("document date"))
    document_type = models.CharField(
        _("document type"), max_length=8, choices=DocumentType.choices
    )
    recipient = models.CharField(
        _("receiving unit or person"), max_length=255, blank=True
    )
    handling_deadline = models.DateField(_("handling deadline"), null=True, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("registered by"),
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    registered_at = models.DateTimeField(_("registered at"), auto_now_add=True)

    # Where the database search backend finds what the portal's search asks for.
    search_db_fields = {
        "symbol": "symbol_key",
        "type": "document_type",
        "issuer": "sender__name",
        "year": "year",
        "date": "received_on",
    }

    class Meta:
        verbose_name = _("incoming document")
        verbose_name_plural = _("incoming documents")
        ordering = ["-year", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["year", "number"], name="unique_arrival_number_per_year"
            )
        ]
        indexes = [models.Index(fields=["sender", "symbol_key", "dated"])]

    def __str__(self):
        return f"{self.number}/{self.year} — {self.symbol}"

    @classmethod
    def register_for_year(cls, year):
        return cls.objects.filter(year=year).select_related("sender").order_by("number")

    def handling_status(self):
        """Who handles the document and how it stands, once it is routed."""
        routing = getattr(self, "routing", None)
        if routing is None:
            return ""
        task = routing.task
        return f"{task.lead_unit}: {task.bucket().label}"

    @property
    def registered(self):
        return self.pk is not None

    def clean(self):
        super().clean()
        if self.dated and self.received_on and self.dated > self.received_on:
            raise ValidationError(
                {"dated": _("The document date cannot be after its arrival date.")}
            )
        if self.registered and self.received_on.year != self.year:
            raise ValidationError(
                {
                    "received_on": _(
                        "The arrival date must stay in %(year)s, the year of the arrival number."
                    )
                    % {"year": self.year}
                }
            )

    @classmethod
    def likely_duplicates(cls, sender, symbol, dated, exclude_pk=None):
        """Entries that are probably the same document: same sender, symbol
        (in any spelling) and date."""
        return (
            cls.objects.filter(
                sender=sender, symbol_key=symbol_key(symbol), dated=dated
            )
            .exclude(pk=exclude_pk)
            .order_by("year", "number")
        )

    def numbering_scope(self):
        return str(self.received_on.year)

    def save(self, *args, **kwargs):
        self.symbol = normalize(self.symbol).strip()
        self.title = normalize(self.title).strip()
        self.symbol_key = symbol_key(self.symbol)
        self.fill_search_text(
            [self.symbol, self.symbol_key, self.title],
            [
                self.sender.name if self.sender_id else "",
                self.recipient,
                self.notes,
                self.scan_text(),
            ],
        )
        super().save(*args, **kwargs)
        verify_later(self.file)  # a signed scan's signatures, in the worker

    def register(self, user=None, number=None):
        """Give the entry its arrival number and save it, with an audit entry.

        ``number`` keeps the number of an imported register instead of taking
        the next one; the numbering continues after it.
        """
        if self.registered:
            raise ValidationError(_("This document is already registered."))
        scope = self.numbering_scope()
        with transaction.atomic():
            if number is None:
                number = next_number(Register.INCOMING, scope)
            else:
                number = self._given_number(number)
                record_number(Register.INCOMING, scope, number)
            self.year, self.number = self.received_on.year, number
            self.registered_by = user
            self.save()
            log(
                instance=self,
                action=REGISTER_INCOMING,
                user=user,
                data={"year": self.year, "number": self.number, "symbol": self.symbol},
            )
        return self

    def _given_number(self, number):
        """A number given by an imported register: a whole number from 1 that
        the year has not used yet."""
        try:
            number = self._meta.get_field("number").clean(number, self)
        except ValidationError as error:
            raise ValidationError({"number": error.messages}) from None
        if number < 1:
            raise ValidationError({"number": _("Arrival numbers start at 1.")})
        year = self.received_on.year
        if IncomingDocument.objects.filter(year=year, number=number).exists():
            raise ValidationError(
                _("Arrival number %(number)s of %(year)s is already taken.")
                % {"number": number, "year": year}
            )
        return number
