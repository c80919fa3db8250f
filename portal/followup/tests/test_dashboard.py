import csv
import io
import re
from datetime import date

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from portal.access.factories import UserFactory
from portal.followup.factories import (
    ExtensionRequestFactory,
    TaskFactory,
    UnitFactory,
    member_of,
)
from portal.followup.models import Status

TODAY = date(2026, 4, 15)


@pytest.fixture
def tasks(db):
    """Two units; one task in each bucket for the first, one overdue for the second."""
    board, district = UnitFactory(name="Ban Tổ chức"), UnitFactory(name="Quận ủy")
    done = {"status": Status.COMPLETED, "deadline": date(2026, 3, 31)}
    TaskFactory(lead_unit=board, completed_on=date(2026, 3, 30), **done)
    TaskFactory(lead_unit=board, completed_on=date(2026, 4, 2), **done)
    ExtensionRequestFactory(
        task=TaskFactory(lead_unit=board, deadline=date(2026, 5, 1))
    )
    TaskFactory(lead_unit=board, deadline=date(2026, 4, 1))
    TaskFactory(
        lead_unit=district, deadline=date(2026, 4, 1), assigned_on=date(2025, 6, 1)
    )
    return board, district


@pytest.fixture
def office(client, db):
    client.force_login(UserFactory(role="approver"))
    return client


@time_machine.travel(TODAY)
def test_counts_and_rates_per_unit_fall_into_the_report_buckets(office, tasks):
    response = office.get(reverse("followup:dashboard"))

    units = {row.label: row for row in response.context["tables"]["units"]}
    board = units["Ban Tổ chức"]
    assert board.total == 4
    assert [count for _b, count, _r in board.cells()] == [1, 1, 1, 1]
    assert board.rate(board.cells()[0][0]) == 25.0
    assert board.pending_extension == 1
    assert units["Quận ủy"].counts["overdue"] == 1
    assert response.context["tables"]["total"].total == 5
    # SVG coordinates are never localised ("120,0" is not a number).
    bars = re.findall(
        r'<rect x="([^"]+)" y="4" width="([^"]+)"', response.content.decode()
    )
    assert len(bars) == 5
    assert all(float(x) >= 0 and float(width) > 0 for x, width in bars)


@time_machine.travel(TODAY)
def test_the_period_filter_counts_the_tasks_assigned_in_it(office, tasks):
    response = office.get(reverse("followup:dashboard"), {"start": "2026-01-01"})

    assert response.context["tables"]["total"].total == 4
    assert [row.label for row in response.context["tables"]["units"]] == ["Ban Tổ chức"]


@time_machine.travel(TODAY)
def test_staff_count_only_their_units_tasks(client, tasks):
    client.force_login(member_of(tasks[1]))

    response = client.get(reverse("followup:dashboard"))

    assert response.context["tables"]["total"].total == 1


@time_machine.travel(TODAY)
def test_the_dashboard_downloads_as_csv_and_xlsx(office, tasks):
    csv_response = office.get(reverse("followup:dashboard"), {"format": "csv"})
    xlsx_response = office.get(reverse("followup:dashboard"), {"format": "xlsx"})

    rows = list(csv.reader(io.StringIO(csv_response.content.decode("utf-8-sig"))))
    board = next(row for row in rows if row[0] == "Ban Tổ chức")
    assert board[1:] == ["4", "1", "1", "1", "1", "1"]
    sheet = load_workbook(io.BytesIO(xlsx_response.content)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert ["Ban Tổ chức", 4, 1, 1, 1, 1, 1] in values
    assert xlsx_response["Content-Disposition"].endswith('.xlsx"')


def count_queries(client, url):
    # A first request fills the caches (content types, the session, the menu)
    # that new content may have emptied; the second is what a page costs.
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@time_machine.travel(TODAY)
def test_the_dashboard_and_task_list_cost_the_same_queries_for_more_tasks(
    office, tasks
):
    urls = [reverse("followup:dashboard"), reverse("followup:tasks")]
    before = [count_queries(office, url) for url in urls]
    for _ in range(10):
        TaskFactory(lead_unit=UnitFactory(), coordinating_units=[tasks[0]])

    assert [count_queries(office, url) for url in urls] == before
    assert max(before) <= 15


@time_machine.travel(TODAY)
def test_the_dashboard_export_keeps_a_formula_like_unit_name_as_text(office, db):
    TaskFactory(lead_unit=UnitFactory(name="-Ban Dân vận"), deadline=date(2026, 5, 1))

    csv_response = office.get(reverse("followup:dashboard"), {"format": "csv"})
    xlsx_response = office.get(reverse("followup:dashboard"), {"format": "xlsx"})

    assert csv_response.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(csv_response.content.decode("utf-8-sig"))))
    assert "'-Ban Dân vận" in [row[0] for row in rows if row]
    sheet = load_workbook(io.BytesIO(xlsx_response.content)).active
    cell = next(
        c for row in sheet.iter_rows() for c in row if c.value == "-Ban Dân vận"
    )
    assert (cell.data_type, cell.quotePrefix) == ("s", True)
