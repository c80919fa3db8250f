import io
from datetime import date

import pytest
from openpyxl import load_workbook

from portal.access.factories import UserFactory
from portal.correspondence.factories import (
    IncomingDocumentFactory,
    OutgoingDocumentFactory,
)
from portal.documents.factories import IssuingBodyFactory
from portal.documents.types import DocumentType

INCOMING = "/admin/correspondence/incoming/"


@pytest.fixture
def year_of_registers(db):
    board = IssuingBodyFactory(name="Ban Tổ chức Thành ủy", abbreviation="BTCTU")
    IncomingDocumentFactory(title="Về công tác văn thư, lưu trữ năm 2026")
    IncomingDocumentFactory(
        sender=board,
        symbol="215-CV/BTCTU",
        document_type=DocumentType.OFFICIAL_LETTER,
        title="Về việc cử cán bộ dự lớp bồi dưỡng",
    )
    IncomingDocumentFactory(received_on=date(2025, 6, 1))
    for document_type in (DocumentType.OFFICIAL_LETTER, DocumentType.NOTICE):
        OutgoingDocumentFactory(
            document_type=document_type, access="restricted"
        ).release(on=date(2026, 4, 1))
    OutgoingDocumentFactory(title="Chờ ký")


def listed_symbols(response):
    return [row.symbol for row in response.context["object_list"]]


def test_the_register_is_searched_without_accents_and_by_symbol_in_any_spelling(
    client, clerk, year_of_registers
):
    assert listed_symbols(client.get(INCOMING, {"q": "cu can bo"})) == ["215-CV/BTCTU"]
    assert listed_symbols(client.get(INCOMING, {"q": "215 cv btctu"})) == [
        "215-CV/BTCTU"
    ]
    assert listed_symbols(client.get(INCOMING, {"q": "215/CV-BTCTU"})) == [
        "215-CV/BTCTU"
    ]


def test_the_register_is_filtered_by_year_and_sender(client, clerk, year_of_registers):
    assert len(listed_symbols(client.get(INCOMING, {"year": 2026}))) == 2
    board = IssuingBodyFactory(name="Ban Tổ chức Thành ủy")
    assert listed_symbols(client.get(INCOMING, {"sender": board.pk})) == [
        "215-CV/BTCTU"
    ]


def test_the_printed_register_has_the_columns_of_the_decree_in_number_order(
    client, clerk, year_of_registers
):
    page = client.get(INCOMING + "print/", {"year": 2026}).content.decode()

    for column in ("Ngày đến", "Số đến", "Tác giả", "Số, ký hiệu", "Ký nhận"):
        assert column in page
    assert page.index("Về công tác văn thư") < page.index("215-CV/BTCTU")
    assert "Năm 2026" in page

    outgoing = client.get(
        "/admin/correspondence/outgoing/print/", {"year": 2026}
    ).content.decode()
    assert "01-CV/VPTU" in outgoing and "01-TB/VPTU" in outgoing
    assert "Chờ ký" not in outgoing
    assert "Đơn vị, người nhận bản lưu" in outgoing


def test_the_register_exports_to_xlsx_with_its_filters(
    client, clerk, year_of_registers
):
    response = client.get(INCOMING, {"year": 2026, "export": "xlsx"})

    sheet = load_workbook(io.BytesIO(response.getvalue())).active
    rows = list(sheet.values)
    assert len(rows) == 3  # the headings and the two entries of 2026
    assert "215-CV/BTCTU" in [cell for row in rows for cell in row]


def test_yearly_counts_per_type_and_body_for_both_registers(
    client, clerk, year_of_registers
):
    response = client.get("/admin/correspondence/statistics/", {"year": 2026})

    tables = {str(heading): dict(rows) for heading, rows in response.context["tables"]}
    assert tables["Sổ"] == {"Văn bản đến": 2, "Văn bản đi": 2}
    assert tables["Văn bản đến, theo cơ quan gửi"] == {
        "Ban Tổ chức Thành ủy": 1,
        "Văn phòng Trung ương Đảng": 1,
    }
    assert tables["Văn bản đi, theo loại văn bản"]["Thông báo"] == 1

    export = client.get(
        "/admin/correspondence/statistics/", {"year": 2026, "format": "xlsx"}
    )
    assert "so-van-ban-den-di-2026.xlsx" in export["Content-Disposition"]


def test_staff_outside_the_office_see_no_statistics(client, db):
    client.force_login(UserFactory(role="editor"))

    assert client.get("/admin/correspondence/statistics/")["Location"] == "/admin/"
