from django.conf import settings
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from portal.core.symbols import cited_symbol_keys
from portal.documents.models import Document
from portal.followup.models import ProgressReport, Task, Unit

from .incoming import IncomingDocument

RECEIVE = "portal.correspondence.report_received"


class ReportReceipt(models.Model):
    """An incoming document recorded as a unit's report on a follow-up task.

    A report cites what it reports on ("Báo cáo kết quả thực hiện Thông báo số
    05-TB/TU"): the open tasks of that document for the sending unit are
    proposed, and the clerk confirms which ones it answers.
    """

    incoming = models.ForeignKey(
        IncomingDocument,
        verbose_name=_("incoming document"),
        on_delete=models.PROTECT,
        related_name="report_receipts",
    )
    task = models.ForeignKey(
        Task,
        verbose_name=_("follow-up task"),
        on_delete=models.PROTECT,
        related_name="report_receipts",
    )
    report = models.OneToOneField(
        ProgressReport,
        verbose_name=_("progress report"),
        on_delete=models.PROTECT,
        related_name="receipt",
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("report received")
        verbose_name_plural = _("reports received")
        constraints = [
            models.UniqueConstraint(
                fields=["incoming", "task"], name="unique_report_receipt"
            )
        ]

    def __str__(self):
        return f"{self.incoming} → {self.task}"

    @staticmethod
    def proposed_tasks(incoming, user):
        """The open tasks of the documents the entry cites, for its sender's units,
        that it has not been recorded against yet: only tasks and documents the
        user may see, so the page tells nothing of the others."""
        keys = cited_symbol_keys(f"{incoming.title}\n{incoming.notes}")
        if not keys:
            return Task.objects.none()
        return (
            Task.objects.visible_to(user)
            .open()
            .filter(
                source_document__in=Document.objects.visible_to(user),
                source_document__symbol_key__in=keys,
            )
            .of_units(Unit.objects.of_body(incoming.sender))
            .exclude(report_receipts__incoming=incoming)
            .select_related("source_document", "lead_unit")
        )

    @classmethod
    def record(cls, incoming, tasks, user):
        """Record the entry as the sender's report on each task, in one transaction."""
        units = set(Unit.objects.of_body(incoming.sender))
        text = gettext(
            "Report received: incoming document no. %(number)s/%(year)s, "
            "%(symbol)s of %(sender)s: %(title)s"
        ) % {
            "number": incoming.number,
            "year": incoming.year,
            "symbol": incoming.symbol,
            "sender": incoming.sender,
            "title": incoming.title,
        }
        with transaction.atomic():
            for task in tasks:
                unit = (
                    task.lead_unit
                    if task.lead_unit in units
                    else next(
                        unit for unit in task.coordinating_units.all() if unit in units
                    )
                )
                latest = task.reports.filter(unit=unit).first()
                report = ProgressReport(
                    task=task,
                    unit=unit,
                    text=text,
                    percent=latest.percent if latest else 0,
                    reported_by=user,
                    reported_on=min(incoming.received_on, timezone.localdate()),
                )
                report.submit()
                cls.objects.create(
                    incoming=incoming, task=task, report=report, recorded_by=user
                )
            log(
                instance=incoming,
                action=RECEIVE,
                user=user,
                data={"tasks": [task.pk for task in tasks]},
            )
