"""Wagtail's own report exports are written like every other spreadsheet: the
CSV carries the UTF-8 BOM and formula-like titles stay text."""

import csv
import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.contrib.redirects.models import Redirect
from wagtail.log_actions import log

from portal.access.factories import UserFactory
from portal.documents.models import ArchivePage

TITLE = '=HYPERLINK("http://ke-gian.example/","Mở")'


@pytest.fixture
def admin(client, db):
    user = UserFactory(is_superuser=True, is_staff=True)
    client.force_login(user)
    return user


@pytest.fixture
def locked_page(home_page, admin):
    page = home_page.add_child(instance=ArchivePage(title=TITLE, slug="kho"))
    page.locked, page.locked_by, page.locked_at = True, admin, timezone.now()
    page.save()
    page.save_revision(user=admin).publish()
    log(instance=page, action="wagtail.edit", user=admin)
    return page


def csv_rows(response):
    content = b"".join(response.streaming_content)
    assert content.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(content.decode("utf-8")[1:])))


@pytest.mark.parametrize(
    "report", ["reports/locked/", "reports/aging-pages/", "reports/site-history/"]
)
def test_a_report_csv_carries_the_bom_and_quotes_a_formula_like_title(
    client, locked_page, report
):
    response = client.get(f"/admin/{report}", {"export": "csv"})

    cells = [cell for row in csv_rows(response) for cell in row]
    assert f"'{TITLE}" in cells
    assert TITLE not in cells


@pytest.mark.parametrize("report", ["reports/locked/", "reports/site-history/"])
def test_a_report_xlsx_keeps_a_formula_like_title_as_text(client, locked_page, report):
    response = client.get(f"/admin/{report}", {"export": "xlsx"})

    sheet = load_workbook(io.BytesIO(response.getvalue())).active
    cell = next(c for row in sheet.iter_rows() for c in row if c.value == TITLE)
    assert (cell.data_type, cell.quotePrefix) == ("s", True)


def test_the_redirects_csv_carries_the_bom(client, admin, home_page):
    site = home_page.get_site()
    site.site_name = "Cổng thông tin"
    site.save()
    Redirect.objects.create(old_path="/van-ban-cu", redirect_page=home_page, site=site)

    response = client.get("/admin/redirects/", {"export": "csv"})

    (row,) = [row for row in csv_rows(response) if row[0] == "/van-ban-cu"]
    assert row[3].startswith("Cổng thông tin")
