"""Yearly counts of meetings, as the office reports them: meetings held, online
conferences among them, and their bridge points by host unit."""

from django.db.models import Count
from django.utils.translation import gettext as _

from portal.core.statistics import CountTable
from portal.meetings.models import BridgePoint


def meeting_tables(meetings, year, today):
    """Counts of ``meetings`` (those the reader may see) held in ``year``."""
    held = meetings.held_in(year, today)
    online = held.filter(online=True).count()
    bridge_points = (
        BridgePoint.objects.filter(meeting__in=held.filter(online=True))
        .values("host_unit__name")
        .annotate(count=Count("pk"))
        .order_by("-count", "host_unit__name")
    )
    return [
        CountTable(
            _("Meetings held"),
            [
                (_("Meetings in person"), held.count() - online),
                (_("Online conferences"), online),
            ],
        ),
        CountTable(
            _("Bridge points, by host unit"),
            [(row["host_unit__name"], row["count"]) for row in bridge_points],
        ),
    ]
