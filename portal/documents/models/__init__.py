from .archive_page import ArchivePage
from .document import Attachment, Document, DocumentRelation
from .reference import IssuingBody, SubjectArea

__all__ = [
    "ArchivePage",
    "Attachment",
    "Document",
    "DocumentRelation",
    "IssuingBody",
    "SubjectArea",
]
