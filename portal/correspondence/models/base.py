from functools import partial

from django.db import models, transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from portal.core.models import FoldedSearchText
from portal.core.symbols import symbol_key
from portal.core.uploads import SCAN_KINDS, FileKindValidator, detect_kind
from portal.correspondence.permission_policies import reads_register
from portal.correspondence.tasks import read_entry_file
from portal.documents.extraction import TextStatus, extract_text
from portal.documents.models.document import DocumentQuerySet, private_storage
from portal.ocr.models import Recognition, recognised_text

from .choices import Confidentiality, Urgency


class RegisterQuerySet(models.QuerySet):
    count_by_type = DocumentQuerySet.count_by_type
    count_by_name_of = DocumentQuerySet.count_by_name_of

    def search(self, text):
        """Entries with every word of the text, or with this symbol in any
        spelling. Each word may be the start of one, and is read as typed, as
        the portal's search reads it (``portal.core.text.typed_words``)."""
        matching = self.model.words_q(text)
        if key := symbol_key(text):
            matching |= Q(symbol_key=key)
        return self.filter(matching)

    def visible_to(self, user):
        """Every entry for the register's readers (clerks and leaders), none
        for anyone else: a register has no entry-by-entry access."""
        return self if reads_register(user, self.model) else self.none()


def upload_to(entry, filename):
    return f"correspondence/{entry._meta.model_name}/{filename}"


def register_file(kinds):
    """An entry's file, of the given kinds: kept in private storage and served
    only by a view that checks permissions."""
    return models.FileField(
        _("file"),
        upload_to=upload_to,
        storage=private_storage,
        blank=True,
        validators=[FileKindValidator(kinds)],
    )


IMAGE_SCANS = ("jpeg", "png", "tiff")


class RegisterEntry(index.Indexed, FoldedSearchText):
    """What both registers record of a document, besides its numbering."""

    title = models.TextField(
        _("abstract"), help_text=_("Trích yếu: what the document is about")
    )
    urgency = models.CharField(
        _("urgency"), max_length=16, choices=Urgency.choices, default=Urgency.NORMAL
    )
    confidentiality = models.CharField(
        _("confidentiality"),
        max_length=16,
        choices=Confidentiality.choices,
        default=Confidentiality.NONE,
    )
    # A scan of the paper document, by default.
    file = register_file(SCAN_KINDS)
    notes = models.TextField(_("notes"), blank=True)
    symbol_key = models.CharField(max_length=64, editable=False, db_index=True)

    objects = RegisterQuerySet.as_manager()

    class Meta:
        abstract = True

    search_fields = [
        index.SearchField("symbol", boost=5),
        index.SearchField("title", boost=3),
        index.SearchField("notes"),
        index.SearchField("scan_text"),
        index.AutocompleteField("symbol"),
        index.AutocompleteField("title"),
    ]

    @property
    def filename(self):
        return self.file.name.rsplit("/", 1)[-1] if self.file else ""

    def is_visible_to(self, user, request=None):
        return reads_register(user, type(self))

    def scan_text(self):
        """The text recognised in the entry's scan, once it is."""
        return recognised_text(self) if self.file else ""

    def save(self, *args, **kwargs):
        stored = (
            type(self).objects.filter(pk=self.pk).values_list("file", flat=True).first()
        )
        super().save(*args, **kwargs)
        if self.file and self.file.name != stored:
            # In the background worker, once the new file is committed.
            transaction.on_commit(
                partial(read_entry_file.enqueue, self._meta.label, self.pk)
            )

    def read_file(self):
        """Recognise the text of a scan: an image, or a PDF without text."""
        kind = detect_kind(self.file)
        if kind is None:
            return
        if kind.name == "pdf":
            extraction = extract_text(self.file)
            if extraction.status != TextStatus.EXTRACTED or extraction.text.strip():
                return
        elif kind.name not in IMAGE_SCANS:
            return
        Recognition.objects.queue(self)

    def take_recognised_text(self, recognition):
        """Search finds the entry by its scan's text from now on."""
        self.save()
