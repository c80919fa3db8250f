"""Counts laid out as the office reports them."""

from typing import NamedTuple


class CountTable(NamedTuple):
    """One table of a yearly report: a heading and (label, count) rows; the
    total is what the report's last line says."""

    heading: str
    counts: list

    @property
    def total(self):
        return sum(count for _label, count in self.counts)
