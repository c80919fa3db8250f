from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from portal.core.symbols import symbol_key
from portal.followup.models import Task

from .incoming import IncomingDocument
from .outgoing import OutgoingDocument

ROUTE = "portal.correspondence.route"
REPLY = "portal.correspondence.reply"


class Routing(models.Model):
    """A leader's instruction (ý kiến chỉ đạo) on an incoming document.

    Handling it is a follow-up task for the lead and coordinating units: the
    follow-up app shows it to them, takes their reports, urges them before and
    after the deadline and counts it on its dashboards.
    """

    incoming = models.OneToOneField(
        IncomingDocument,
        verbose_name=_("incoming document"),
        on_delete=models.PROTECT,
        related_name="routing",
    )
    instruction = models.TextField(_("leader's instruction"))
    task = models.OneToOneField(
        "followup.Task",
        verbose_name=_("follow-up task"),
        on_delete=models.PROTECT,
        related_name="incoming_routing",
    )
    reply = models.ForeignKey(
        OutgoingDocument,
        verbose_name=_("reply document"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="replied_routings",
    )
    routed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("routed by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    routed_at = models.DateTimeField(_("routed at"), auto_now_add=True)

    class Meta:
        verbose_name = _("routing")
        verbose_name_plural = _("routings")

    def __str__(self):
        return str(self.incoming)

    @classmethod
    def route(
        cls, incoming, *, instruction, lead_unit, deadline, user, coordinating_units=()
    ):
        """Give the document to its units as a follow-up task, in one transaction."""
        if cls.objects.filter(incoming=incoming).exists():
            raise ValidationError(_("This document has already been routed."))
        with transaction.atomic():
            task = Task.objects.assign(
                content=gettext(
                    "%(instruction)s (incoming document no. %(number)s/%(year)s, "
                    "%(symbol)s of %(sender)s: %(title)s)"
                )
                % {
                    "instruction": instruction,
                    "number": incoming.number,
                    "year": incoming.year,
                    "symbol": incoming.symbol,
                    "sender": incoming.sender,
                    "title": incoming.title,
                },
                lead_unit=lead_unit,
                coordinating_units=coordinating_units,
                deadline=deadline,
                assigned_by=user,
                assigned_on=timezone.localdate(),
            )
            routing = cls.objects.create(
                incoming=incoming, instruction=instruction, task=task, routed_by=user
            )
            incoming.handling_deadline = deadline
            incoming.save(update_fields=["handling_deadline"])
            log(
                instance=incoming,
                action=ROUTE,
                user=user,
                data={
                    "task": task.pk,
                    "lead_unit": lead_unit.name,
                    "deadline": deadline.isoformat(),
                },
            )
        return routing

    def record_reply(self, symbol, user):
        """Link the released outgoing document that answers this one."""
        reply = (
            OutgoingDocument.objects.released()
            .filter(symbol_key=symbol_key(symbol))
            .order_by("-released_on")
            .first()
        )
        if reply is None:
            raise ValidationError(
                _("No released outgoing document has the symbol %(symbol)s.")
                % {"symbol": symbol}
            )
        self.reply = reply
        self.save(update_fields=["reply"])
        log(
            instance=self.incoming,
            action=REPLY,
            user=user,
            data={"reply": reply.symbol},
        )
