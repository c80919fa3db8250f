from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.access.models import AccessControlled, AccessControlledQuerySet, AccessLevel
from portal.core.uploads import DOCUMENT_KINDS, FileKindValidator
from portal.meetings.models.meetings import Meeting


def private_storage():
    from django.core.files.storage import storages

    # Served only through a view that asks the document whether the user may see it.
    return storages["private"]


class MeetingDocument(AccessControlled):
    """A document of a meeting (tài liệu họp).

    Restricted by default and then shared with the meeting's participants and
    organiser (``Meeting.share_documents``, kept in step whenever they change),
    so the portal's one visibility rule decides who may read it.
    """

    meeting = models.ForeignKey(
        Meeting,
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="documents",
    )
    title = models.CharField(_("title"), max_length=255)
    access = models.CharField(
        _("access"),
        max_length=16,
        choices=AccessLevel.choices,
        default=AccessLevel.RESTRICTED,
        db_index=True,
        help_text=_("Restricted documents are seen by the participants only."),
    )
    file = models.FileField(
        _("file"),
        upload_to="meetings/%Y/%m/",
        storage=private_storage,
        validators=[FileKindValidator(DOCUMENT_KINDS)],
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    objects = AccessControlledQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting document")
        verbose_name_plural = _("meeting documents")
        ordering = ["pk"]

    def __str__(self):
        return self.title

    @property
    def filename(self):
        return self.file.name.rsplit("/", 1)[-1]
