from functools import cache

from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.db import models
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
)
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail.search.tasks import insert_or_update_object_task

from portal.access.admin_forms import AccessControlledAdminForm
from portal.access.models import AccessControlled, AccessControlledQuerySet
from portal.access.restrictions import path_prefixes
from portal.core.cache import get_or_compute
from portal.core.models import FoldedSearchText
from portal.core.symbols import Symbol, symbol_key
from portal.core.text import fold, normalize
from portal.core.uploads import DOCUMENT_KINDS, FileKindValidator
from portal.documents.extraction import TextStatus, extract_text
from portal.documents.models.archive_page import ArchivePage
from portal.documents.signals import superseded
from portal.documents.tasks import extract_attachment_text
from portal.documents.types import (
    INVERSE_LABELS,
    STATUS_AFTER,
    STATUS_ORDER,
    DocumentType,
    EffectiveStatus,
    RelationKind,
)
from portal.ocr.components import RecognitionPanel
from portal.ocr.models import Recognition
from portal.ocr.models import Status as RecognitionStatus
from portal.signing.tasks import verify_later


class DocumentQuerySet(AccessControlledQuerySet):
    def live(self):
        return self.filter(live=True)

    def visible_to(self, user):
        """What a reader may find in the archive: published and shared with them."""
        return super().visible_to(user).filter(live=True)

    def count_by_type(self):
        """Every type with its count, zeros included, in the order of the brief."""
        counts = dict(
            self.order_by().values_list("document_type").annotate(n=models.Count("pk"))
        )
        return [(label, counts.get(code, 0)) for code, label in DocumentType.choices]

    def count_by_issuer(self):
        return self.count_by_name_of("issuer")

    def count_by_name_of(self, relation):
        """Each related body's name with its count, the largest first."""
        name = f"{relation}__name"
        return list(
            self.order_by()
            .values_list(name)
            .annotate(n=models.Count("pk"))
            .order_by("-n", name)
        )

    def years(self):
        return sorted(
            self.order_by().values_list("issued_year", flat=True).distinct(),
            reverse=True,
        )


def private_storage():
    # Attachments never live under MEDIA_URL: they are served by a view that
    # checks the document's access first.
    return storages["private"]


IDENTITY_FIELDS = ["symbol_key", "issuer", "issued_year", "term"]


def normalize_term(term):
    """A term as stored: "xiv " and "XIV" are the same term."""
    return normalize(term or "").strip().upper()


class Document(
    AccessControlled,
    FoldedSearchText,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    index.Indexed,
    ClusterableModel,
):
    """An issued document (văn bản) of the archive.

    A plain model rather than a Wagtail page: the archive grows by about 100,000
    documents a year, which the page tree's locking and path maintenance cannot
    import at that rate (see docs/architecture.md). An ArchivePage serves them.
    """

    document_type = models.CharField(
        _("document type"), max_length=8, choices=DocumentType.choices
    )
    symbol = models.CharField(
        _("number and symbol"),
        max_length=64,
        help_text=_("e.g. 15-NQ/TW or 30/2020/NĐ-CP"),
    )
    symbol_key = models.CharField(max_length=64, editable=False, db_index=True)
    number = models.PositiveIntegerField(editable=False)
    issuer = models.ForeignKey(
        "documents.IssuingBody",
        verbose_name=_("issuing body"),
        on_delete=models.PROTECT,
        related_name="documents",
    )
    issued_on = models.DateField(_("issue date"))
    issued_year = models.PositiveSmallIntegerField(editable=False, db_index=True)
    effective_on = models.DateField(_("effective date"), null=True, blank=True)
    signer = models.CharField(_("signer"), max_length=255, blank=True)
    signer_position = models.CharField(
        _("signer's position"), max_length=255, blank=True
    )
    term = models.CharField(
        _("term"), max_length=16, blank=True, help_text=_("e.g. XIII")
    )
    subject_areas = ParentalManyToManyField(
        "documents.SubjectArea", verbose_name=_("subject areas"), blank=True
    )
    title = models.TextField(
        _("abstract"), help_text=_("Trích yếu: what the document is about")
    )
    body = models.TextField(_("full text"), blank=True)
    status = models.CharField(
        _("effective status"),
        max_length=16,
        choices=EffectiveStatus.choices,
        default=EffectiveStatus.IN_FORCE,
        db_index=True,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    # Where the database search backend finds what the portal's search asks for.
    search_db_fields = {
        "symbol": "symbol_key",
        "type": "document_type",
        "issuer": "issuer__name",
        "year": "issued_year",
        "status": "status",
        "date": "issued_on",
        "subject": "subject_areas__name",
        "signer": "signer",
    }
    # Indexed explicitly in save(), once the attachments are saved too.
    search_auto_update = False

    objects = DocumentQuerySet.as_manager()

    base_form_class = AccessControlledAdminForm
    panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("document_type"), FieldPanel("symbol")]),
                FieldPanel("issuer"),
                FieldRowPanel([FieldPanel("issued_on"), FieldPanel("effective_on")]),
                FieldRowPanel([FieldPanel("signer"), FieldPanel("signer_position")]),
                FieldRowPanel([FieldPanel("term"), FieldPanel("status")]),
            ],
            heading=_("Identification"),
        ),
        FieldPanel("title"),
        FieldPanel("subject_areas"),
        FieldPanel("body"),
        InlinePanel("attachments", label=_("Attachments")),
        InlinePanel("relations", label=_("Related documents")),
        FieldPanel("access"),
    ]

    search_fields = [
        index.SearchField("symbol", boost=5),
        index.SearchField("title", boost=3),
        index.SearchField("type_name", boost=3),
        index.SearchField("body"),
        index.SearchField("signer"),
        index.SearchField("attachment_text"),
        index.AutocompleteField("symbol"),
        index.AutocompleteField("title"),
        index.RelatedFields("issuer", [index.SearchField("name")]),
        index.FilterField("document_type"),
        index.FilterField("issuer_id"),
        index.FilterField("issued_year"),
        index.FilterField("issued_on"),
        index.FilterField("status"),
        index.FilterField("access"),
        index.FilterField("live"),
    ]

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-issued_on", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=IDENTITY_FIELDS,
                name="unique_symbol_per_issuer_term_and_year",
                violation_error_message=_(
                    "This issuing body already has a document with this symbol in this term and year."
                ),
            )
        ]
        indexes = [models.Index(fields=["document_type", "issued_year"])]

    def __str__(self):
        return f"{self.symbol} — {self.title[:80]}"

    @staticmethod
    def identity_of(symbol, issuer_id, issued_on, term):
        """What tells documents apart: symbol, issuing body, year and term.
        Party numbering restarts with each term, so a year in which a term
        begins holds two 01-CV/VPTU of the same office."""
        return (
            symbol_key(normalize(symbol).strip()),
            issuer_id,
            issued_on.year,
            normalize_term(term),
        )

    @property
    def identity(self):
        return self.identity_of(self.symbol, self.issuer_id, self.issued_on, self.term)

    @classmethod
    def identity_q(cls, identities):
        """Documents with any of the given identities (from identity_of)."""
        condition = models.Q(pk__in=[])
        for identity in identities:
            condition |= models.Q(**dict(zip(IDENTITY_FIELDS, identity, strict=True)))
        return condition

    @property
    def parsed_symbol(self):
        return Symbol.parse(self.symbol)

    def clean(self):
        super().clean()
        try:
            parsed = self.parsed_symbol
        except ValidationError as error:
            raise ValidationError({"symbol": error}) from error
        expected = DocumentType(self.document_type) if self.document_type else None
        if expected and fold(parsed.type_abbreviation).casefold() not in {
            fold(expected.value).casefold(),
            # "QĐ" is how many Quy định are written in practice
            *(["qd"] if expected == DocumentType.REGULATION else []),
        }:
            raise ValidationError(
                {
                    "symbol": _(
                        "The symbol's type “%(found)s” does not match the document type (%(expected)s)."
                    )
                    % {"found": parsed.type_abbreviation, "expected": expected.value}
                }
            )
        if self.effective_on and self.issued_on and self.effective_on < self.issued_on:
            raise ValidationError(
                {
                    "effective_on": _(
                        "The effective date cannot be before the issue date."
                    )
                }
            )

    def save(self, *args, **kwargs):
        self.fill_derived_fields()
        super().save(*args, **kwargs)
        insert_or_update_object_task.enqueue(
            self._meta.app_label, self._meta.model_name, str(self.pk)
        )

    def refresh_search_text(self):
        """Store and index the searchable text again, now that an attachment's
        text is known (extraction runs after the document was saved)."""
        self.fill_derived_fields()
        Document.objects.filter(pk=self.pk).update(
            search_text=self.search_text, search_title=self.search_title
        )
        insert_or_update_object_task.enqueue(
            self._meta.app_label, self._meta.model_name, str(self.pk)
        )

    def fill_derived_fields(self):
        """Derive what is stored for lookups from what the editor typed."""
        self.symbol = normalize(self.symbol).strip()
        self.title = normalize(self.title).strip()
        self.body = normalize(self.body)
        self.term = normalize_term(self.term)
        self.symbol_key = symbol_key(self.symbol)
        self.number = self.parsed_symbol.number
        self.issued_year = self.issued_on.year
        self.fill_search_text(
            [self.symbol, self.symbol_key, self.type_name(), self.title],
            [
                self.issuer.name if self.issuer_id else "",
                self.signer,
                self.body,
                self.attachment_text(),
            ],
        )

    @property
    def slug(self):
        return slugify(fold(self.symbol)) or "van-ban"

    def get_absolute_url(self):
        from portal.documents.models.archive_page import ArchivePage

        archive = ArchivePage.current()
        return archive.document_url(self) if archive else ""

    def place_and_date(self):
        """The place and date of a Party document's header, as it writes them
        ("Hà Nội, ngày 05 tháng 3 năm 2024"): days below 10 and the months 1
        and 2 take a leading zero."""
        issued = self.issued_on
        month = f"{issued.month:02d}" if issued.month < 3 else str(issued.month)
        date = f"ngày {issued.day:02d} tháng {month} năm {issued.year}"
        place = self.issuer.place if self.issuer_id else ""
        return f"{place}, {date}" if place else date.capitalize()

    def type_name(self):
        """The type's Vietnamese name, which readers search for ("nghị quyết …")."""
        return vietnamese_type_name(self.document_type)

    def attachment_text(self):
        return "\n".join(
            attachment.extracted_text for attachment in self.attachments.all()
        )

    def relation_diagram_for(self, user):
        """The relations the user may see in both directions, grouped by the
        label each side reads ("Thay thế" here, "Bị thay thế bởi" there) for the
        diagram (lược đồ): what this document does to others, and the reverse.
        A related document the user may not see is left out, unnamed."""

        def grouped(pairs):
            groups = {}
            for label, document in pairs:
                groups.setdefault(str(label), []).append(document)
            return list(groups.items())

        visible = Document.objects.visible_to(user)
        outgoing = self.relations.filter(target__in=visible).select_related("target")
        incoming = self.incoming_relations.filter(source__in=visible).select_related(
            "source"
        )
        return {
            "outgoing": grouped(
                (relation.get_kind_display(), relation.target) for relation in outgoing
            ),
            "incoming": grouped(
                (INVERSE_LABELS[RelationKind(relation.kind)], relation.source)
                for relation in incoming
            ),
        }

    @classmethod
    def guarding_paths(cls):
        """The archive pages that serve documents, and the pages above them."""
        return get_or_compute(
            "archive-page-paths",
            lambda: sorted(
                {
                    prefix
                    for page in ArchivePage.objects.all()
                    for prefix in path_prefixes(page)
                }
            ),
        )


@cache  # the types and their names are the code's
def vietnamese_type_name(document_type):
    with translation.override("vi"):
        return str(DocumentType(document_type).label)


class Attachment(Orderable):
    document = ParentalKey(
        Document,
        verbose_name=_("document"),
        related_name="attachments",
        on_delete=models.CASCADE,
    )
    title = models.CharField(_("title"), max_length=255, blank=True)
    file = models.FileField(
        _("file"),
        upload_to="documents/%Y/%m/",
        storage=private_storage,
        validators=[FileKindValidator(DOCUMENT_KINDS)],
    )
    extracted_text = models.TextField(editable=False, blank=True)
    text_status = models.CharField(
        _("text for search"),
        max_length=16,
        choices=TextStatus.choices,
        default=TextStatus.PENDING,
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("file"),
        FieldPanel("text_status", read_only=True),
        RecognitionPanel(heading=_("Text recognition")),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.title or self.filename

    @property
    def filename(self):
        return self.file.name.rsplit("/", 1)[-1]

    def save(self, *args, **kwargs):
        # The text belongs to the file, not to the revision being published:
        # keep what was read from this file, and read a new file again.
        stored = (
            Attachment.objects.filter(pk=self.pk)
            .values("file", "text_status", "extracted_text")
            .first()
        )
        if stored and self.file and stored["file"] == self.file.name:
            self.text_status = stored["text_status"]
            self.extracted_text = stored["extracted_text"]
        elif self.file:
            self.text_status = TextStatus.PENDING
            self.extracted_text = ""
        super().save(*args, **kwargs)
        if self.file and self.text_status == TextStatus.PENDING:
            # In the background worker: saving never waits for the text.
            extract_attachment_text.enqueue(self.pk)
        verify_later(self.file)  # a signed PDF's signatures, in the worker too

    def extract_text(self):
        """Read the file's text, within limits, and make the document findable
        by it; a PDF that carries no text is a scan, whose text is recognised."""
        result = extract_text(self.file)
        updated = Attachment.objects.filter(pk=self.pk, file=self.file.name).update(
            text_status=result.status, extracted_text=normalize(result.text)
        )
        if not updated:  # replaced by another file meanwhile
            return
        if result.status == TextStatus.EXTRACTED and not result.text.strip():
            Recognition.objects.queue(self)
        self.document.refresh_search_text()

    def take_recognised_text(self, recognition):
        """The text recognised in the scan becomes the attachment's text."""
        if recognition.status == RecognitionStatus.DONE:
            Attachment.objects.filter(pk=self.pk).update(
                extracted_text=recognition.text
            )
            self.document.refresh_search_text()


class DocumentRelation(Orderable):
    """A typed link from one document to another, shown on both."""

    source = ParentalKey(
        Document,
        verbose_name=_("source document"),
        related_name="relations",
        on_delete=models.CASCADE,
    )
    kind = models.CharField(_("relation"), max_length=16, choices=RelationKind.choices)
    target = models.ForeignKey(
        Document,
        verbose_name=_("document"),
        related_name="incoming_relations",
        on_delete=models.CASCADE,
    )

    panels = [FieldPanel("kind"), FieldPanel("target")]

    class Meta(Orderable.Meta):
        verbose_name = _("related document")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "kind", "target"], name="unique_document_relation"
            )
        ]

    def take_effect(self):
        """Once the source is issued, the target is replaced, repealed or amended:
        its status says so, and a replaced or repealed document is announced as
        superseded. Doing it again changes nothing."""
        status = STATUS_AFTER.get(self.kind)
        target = self.target
        if (
            status is None
            or not self.source.live
            or STATUS_ORDER.index(target.status) >= STATUS_ORDER.index(status)
        ):
            return
        target.status = status
        target.save(update_fields=["status", "updated_at"])
        if status != EffectiveStatus.AMENDED:
            superseded.send(sender=Document, document=target, by=self.source)
