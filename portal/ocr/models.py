from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.core.text import normalize
from portal.ocr.engine import Failure, RecognitionFailed, recognise
from portal.ocr.registry import scanned_for
from portal.ocr.tasks import recognise_file


def private_storage():
    # beside the originals, which are served only after an access check
    return storages["private"]


def beside_original(recognition, filename):
    return filename


class Status(models.TextChoices):
    QUEUED = "queued", _("Queued for text recognition")
    RUNNING = "running", _("Text recognition running")
    DONE = "done", _("Text recognised: search finds words in the scan")
    FAILED = "failed", _("Text recognition failed")


# Set while a command runs the queue itself (``ocr_pending``): what it queues
# waits for it instead of going to the worker.
_run_here = ContextVar("run_here", default=False)


@contextmanager
def queued_for_this_process():
    token = _run_here.set(True)
    try:
        yield
    finally:
        _run_here.reset(token)


class RecognitionQuerySet(models.QuerySet):
    def of(self, holder):
        return self.filter(
            content_type=ContentType.objects.get_for_model(holder),
            object_id=holder.pk,
        )

    def queue(self, holder):
        """Recognise the holder's file (again) in the background worker, once
        the transaction that asked for it commits."""
        recognition, _ = self.update_or_create(
            content_type=ContentType.objects.get_for_model(holder),
            object_id=holder.pk,
            defaults={
                "source_name": scanned_for(type(holder)).file(holder).name,
                "status": Status.QUEUED,
                "failure": "",
                "detail": "",
                "text": "",
                "queued_at": timezone.now(),
                "started_at": None,
                "finished_at": None,
            },
        )
        if not _run_here.get():
            transaction.on_commit(lambda: recognise_file.enqueue(recognition.pk))
        return recognition


class Recognition(models.Model):
    """The text recognised in one holder's scanned file, and how it stands.

    The original is kept as it came; the searchable PDF (the scan with a text
    layer) is stored beside it. A holder is any registered model
    (``portal.ocr.registry``), which decides what the text is used for.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    holder = GenericForeignKey("content_type", "object_id")
    source_name = models.CharField(_("original file"), max_length=255)
    status = models.CharField(
        _("text recognition"),
        max_length=16,
        choices=Status.choices,
        default=Status.QUEUED,
        db_index=True,
    )
    failure = models.CharField(
        _("reason"), max_length=16, choices=Failure.choices, blank=True
    )
    detail = models.TextField(_("details"), blank=True)
    text = models.TextField(_("recognised text"), blank=True)
    searchable_pdf = models.FileField(
        _("searchable PDF"),
        upload_to=beside_original,
        storage=private_storage,
        max_length=255,
        blank=True,
    )
    queued_at = models.DateTimeField(_("queued at"), default=timezone.now)
    started_at = models.DateTimeField(_("started at"), null=True)
    finished_at = models.DateTimeField(_("finished at"), null=True)

    objects = RecognitionQuerySet.as_manager()

    class Meta:
        verbose_name = _("text recognition")
        verbose_name_plural = _("text recognitions")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="one_recognition_per_file"
            )
        ]

    def __str__(self):
        return f"{self.source_name}: {self.get_status_display()}"

    @property
    def reason(self):
        return self.get_failure_display()

    def run(self):
        """Recognise the file, if no one else has taken it, and tell its holder.

        A failure is recorded with its reason; it never escapes to whoever
        runs the queue, so one bad scan does not stop the others."""
        claimed = Recognition.objects.filter(pk=self.pk, status=Status.QUEUED).update(
            status=Status.RUNNING, started_at=timezone.now()
        )
        if not claimed:
            return False
        self.refresh_from_db()
        holder = self.holder
        scanned = scanned_for(type(holder)) if holder is not None else None
        file = scanned.file(holder) if scanned else None
        if not file or file.name != self.source_name:
            # deleted or replaced meanwhile: the new file has its own run
            Recognition.objects.filter(pk=self.pk, status=Status.RUNNING).delete()
            return False
        try:
            with file.open("rb") as handle:
                result = recognise(handle.read())
        except FileNotFoundError:
            self._finish(failure=Failure.MISSING)
        except RecognitionFailed as error:
            self._finish(failure=error.failure, detail=error.detail)
        else:
            self._finish(text=normalize(result.text), pdf=result.pdf)
        scanned.recognised(holder, self)
        return True

    def _finish(self, *, text="", pdf=None, failure="", detail=""):
        if self.searchable_pdf:
            self.searchable_pdf.delete(save=False)
        if pdf is not None:
            stem = self.source_name.rsplit(".", 1)[0]
            self.searchable_pdf.save(f"{stem}.ocr.pdf", ContentFile(pdf), save=False)
        self.status = Status.FAILED if failure else Status.DONE
        self.failure, self.detail, self.text = failure, detail, text
        self.finished_at = timezone.now()
        self.save()


def recognition_of(holder):
    """The recognition of the holder's present file, or None when it needed
    none (or has not been read yet)."""
    if not holder.pk:
        return None
    file = scanned_for(type(holder)).file(holder)
    return Recognition.objects.of(holder).filter(source_name=file.name).first()


def recognised_text(holder):
    recognition = recognition_of(holder)
    return recognition.text if recognition else ""
