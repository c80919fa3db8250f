"""Counts and rates per unit and per source document, as government task
reports present them, with the chart and the spreadsheet rows."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from portal.core.text import fold
from portal.documents.models import Document
from portal.followup.models import Bucket, Unit
from portal.followup.models.tasks import PENDING_EXTENSION

COLORS = {
    Bucket.COMPLETED_ON_TIME: "#2e7d32",
    Bucket.COMPLETED_LATE: "#ef8f00",
    Bucket.IN_PROGRESS: "#1565c0",
    Bucket.OVERDUE: "#c62828",
}


@dataclass
class Row:
    label: str
    counts: dict

    @property
    def total(self):
        return self.counts["total"]

    @property
    def pending_extension(self):
        return self.counts[PENDING_EXTENSION]

    def cells(self):
        """(bucket, count, rate in percent) for each bucket."""
        return [
            (bucket, self.counts[bucket.value], self.rate(bucket)) for bucket in Bucket
        ]

    def rate(self, bucket):
        if not self.total:
            return 0
        return round(100 * self.counts[bucket.value] / self.total, 1)


def _rows(tasks, field, model, today):
    grouped = tasks.bucket_counts_by(field, today)
    labels = {
        item.pk: str(item) if model is Unit else item.symbol
        for item in model.objects.filter(pk__in=[g[field] for g in grouped])
    }
    return sorted(
        (Row(labels.get(g[field]) or _("No source document"), g) for g in grouped),
        key=lambda row: fold(row.label).casefold(),
    )


def dashboard_tables(tasks, today):
    """The total, then one row per lead unit and one per source document."""
    return {
        "total": Row(_("All tasks"), tasks.bucket_counts(today)),
        "units": _rows(tasks, "lead_unit", Unit, today),
        "documents": _rows(tasks, "source_document", Document, today),
    }


def spreadsheet_rows(tables):
    header = [
        _("Total"),
        *(str(label) for label in Bucket.labels),
        _("Pending extension request"),
    ]
    rows = []
    for heading, table in (
        (_("Lead unit"), tables["units"]),
        (_("Source document"), tables["documents"]),
    ):
        rows.append([heading, *header])
        rows += [
            [
                row.label,
                row.total,
                *(row.counts[b.value] for b in Bucket),
                row.pending_extension,
            ]
            for row in [*table, tables["total"]]
        ]
        rows.append([])
    return rows


BAR_LENGTH = 480
LABEL_WIDTH = 240
ROW_HEIGHT = 26


def stacked_bars(rows):
    """Geometry of a horizontal stacked bar chart, one bar per row, as SVG."""
    longest = max((row.total for row in rows), default=0) or 1
    bars = []
    for index, row in enumerate(rows):
        x = LABEL_WIDTH
        segments = []
        for bucket, count, rate in row.cells():
            width = BAR_LENGTH * count / longest
            if count:
                segments.append(
                    {
                        "x": round(x, 1),
                        "width": round(width, 1),
                        "color": COLORS[bucket],
                        "title": f"{bucket.label}: {count} ({rate}%)",
                    }
                )
            x += width
        bars.append(
            {
                "y": index * ROW_HEIGHT,
                "label": row.label,
                "total": row.total,
                "end": round(x + 6, 1),
                "segments": segments,
            }
        )
    legend_y = len(rows) * ROW_HEIGHT + 10
    return {
        "width": LABEL_WIDTH + BAR_LENGTH + 60,
        "height": legend_y + 30,
        "bars": bars,
        "legend_y": legend_y,
        "legend": [
            {"x": i * 190, "color": COLORS[b], "label": b.label}
            for i, b in enumerate(Bucket)
        ],
    }
