"""Yearly counts of the registers, like the office's report: how many documents
came in and went out, by type and by body."""

from django.utils.translation import gettext as _

from portal.core.statistics import CountTable
from portal.correspondence.models import IncomingDocument, OutgoingDocument


def register_tables(year):
    incoming = IncomingDocument.register_for_year(year)
    outgoing = OutgoingDocument.register_for_year(year)
    return [
        CountTable(
            _("Register"),
            [
                (_("Incoming documents"), incoming.count()),
                (_("Outgoing documents"), outgoing.count()),
            ],
        ),
        CountTable(_("Incoming, by document type"), incoming.count_by_type()),
        CountTable(_("Incoming, by sender"), incoming.count_by_name_of("sender")),
        CountTable(
            _("Incoming, by lead unit"),
            incoming.filter(routing__isnull=False).count_by_name_of(
                "routing__task__lead_unit"
            ),
        ),
        CountTable(_("Outgoing, by document type"), outgoing.count_by_type()),
        CountTable(_("Outgoing, by issuing body"), outgoing.count_by_name_of("issuer")),
    ]
