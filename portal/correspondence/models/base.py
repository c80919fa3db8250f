from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from portal.core.models import FoldedSearchText
from portal.core.symbols import symbol_key
from portal.core.uploads import SCAN_KINDS, FileKindValidator
from portal.documents.models.document import DocumentQuerySet, private_storage

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


class RegisterEntry(FoldedSearchText):
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

    @property
    def filename(self):
        return self.file.name.rsplit("/", 1)[-1] if self.file else ""
