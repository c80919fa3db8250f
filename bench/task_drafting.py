"""Benchmark: how well tasks are drafted from the notices of tests/notices/.

    .venv/bin/python bench/task_drafting.py [--misses]

Two corpora: ``tests/notices/`` was written alongside the parser, and
``tests/notices/held-out/`` was written apart from it, without reading it, so
its figures are the fairer estimate. Each notice comes with the tasks a clerk would record
(``expected.json``: a phrase of each task's content, its lead and coordinating
units, deadline and recurrence). A drafted task finds an expected one when its
content holds that phrase; each expected task is found at most once. The table
gives the precision and recall of tasks, then, among the tasks found, the share
whose lead unit, coordinating units, deadline and recurrence are right.
"""

import json
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.table import print_table  # noqa: E402
from portal.followup.drafting import draft_tasks, searchable  # noqa: E402

CORPUS = ROOT / "tests" / "notices"


@dataclass(frozen=True)
class CorpusUnit:
    name: str
    abbreviation: str


def corpus(directory=CORPUS):
    """(notice text, expected tasks) for every notice, and the units tree."""
    units = [
        CorpusUnit(**unit)
        for unit in json.loads((directory / "units.json").read_text())
    ]
    expected = json.loads((directory / "expected.json").read_text())
    notices = [
        ((directory / name).read_text(encoding="utf-8"), tasks)
        for name, tasks in sorted(expected.items())
    ]
    return notices, units


def score(notices, units):
    totals = dict.fromkeys(
        [
            "drafted",
            "expected",
            "found",
            "lead",
            "coordinating",
            "deadline",
            "recurrence",
        ],
        0,
    )
    misses = []
    for text, expected in notices:
        drafts = [task.as_dict() for task in draft_tasks(text, units)]
        totals["drafted"] += len(drafts)
        totals["expected"] += len(expected)
        unmatched = list(drafts)
        for task in expected:
            match = next(
                (
                    d
                    for d in unmatched
                    if searchable(task["key"]) in searchable(d["content"])
                ),
                None,
            )
            if match is None:
                misses.append(("not found", task["key"]))
                continue
            unmatched.remove(match)
            totals["found"] += 1
            for name, field in [
                ("lead", "lead_unit"),
                ("deadline", "deadline"),
                ("recurrence", "recurrence"),
            ]:
                if match[field] == task[field]:
                    totals[name] += 1
                else:
                    misses.append((field, task["key"], match[field], task[field]))
            if sorted(match["coordinating_units"]) == sorted(
                task["coordinating_units"]
            ):
                totals["coordinating"] += 1
            else:
                misses.append(
                    (
                        "coordinating",
                        task["key"],
                        match["coordinating_units"],
                        task["coordinating_units"],
                    )
                )
        misses += [("extra", d["content"][:60]) for d in unmatched]
    return totals, misses


def rates(totals):
    found = totals["found"] or 1
    return {
        "task precision": totals["found"] / (totals["drafted"] or 1),
        "task recall": totals["found"] / (totals["expected"] or 1),
        "lead unit right": totals["lead"] / found,
        "coordinating units right": totals["coordinating"] / found,
        "deadline right": totals["deadline"] / found,
        "recurrence right": totals["recurrence"] / found,
    }


def main():
    corpora = [
        (name, corpus(directory))
        for name, directory in [
            ("written with", CORPUS),
            ("held out", CORPUS / "held-out"),
        ]
        if (directory / "expected.json").exists()
    ]
    columns, all_misses = [], []
    for name, (notices, units) in corpora:
        totals, misses = score(notices, units)
        columns.append(rates(totals))
        all_misses += [(name, *miss) for miss in misses]
        print(
            f"{name}: {len(notices)} notices, {totals['expected']} expected tasks, "
            f"{totals['drafted']} drafted, {totals['found']} found"
        )
    print()
    print_table(
        ["measure", *(f"{name} (%)" for name, _corpus in corpora)],
        [
            (measure, *(100 * column[measure] for column in columns))
            for measure in columns[0]
        ],
    )
    if "--misses" in sys.argv:
        for miss in all_misses:
            print(*miss, sep=" | ")


if __name__ == "__main__":
    main()
