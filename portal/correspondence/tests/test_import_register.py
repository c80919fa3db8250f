from datetime import date

import pytest
from django.core.management import call_command
from openpyxl import Workbook

from portal.correspondence.factories import OutgoingDocumentFactory
from portal.correspondence.models import IncomingDocument, OutgoingDocument
from portal.documents.factories import IssuingBodyFactory

INCOMING_CSV = """received_on,number,sender,symbol,dated,type,title,recipient,urgency
2026-01-05,1,Văn phòng Trung ương Đảng,36-HD/VPTW,03/01/2026,Hướng dẫn,Hướng dẫn công tác văn thư,Phòng Tổng hợp,Khẩn
2026-01-06,,Ban Tổ chức Thành ủy,215-CV/BTCTU,2026-01-07,CV,Ngày văn bản sau ngày đến,,
2026-01-06,,Ban Kinh tế Trung ương,12-CV/BKTTW,2026-01-02,CV,Cơ quan gửi chưa có,,
2026-01-07,7,Ban Tổ chức Thành ủy,216-CV/BTCTU,2026-01-06,Công văn,Về việc cử cán bộ,,
2026-01-08,,Ban Tổ chức Thành ủy,217-CV/BTCTU,8/1/26,CV,Ngày viết sai,,
2026-01-08,,Ban Tổ chức Thành ủy,,2026-01-07,CV,Thiếu số ký hiệu,,
"""


@pytest.fixture
def senders(db):
    IssuingBodyFactory(name="Văn phòng Trung ương Đảng", abbreviation="VPTW")
    IssuingBodyFactory(name="Ban Tổ chức Thành ủy", abbreviation="BTCTU")


def import_register(path, register, tmp_path):
    report = tmp_path / "report.txt"
    call_command("import_register", str(path), register=register, report=str(report))
    return report.read_text(encoding="utf-8").splitlines()


def test_an_incoming_register_keeps_good_rows_and_reports_each_bad_one(
    senders, tmp_path
):
    path = tmp_path / "so-den.csv"
    path.write_text(INCOMING_CSV, encoding="utf-8")

    report = import_register(path, "incoming", tmp_path)

    assert [
        (entry.number, entry.symbol, entry.urgency)
        for entry in IncomingDocument.objects.order_by("number")
    ] == [(1, "36-HD/VPTW", "urgent"), (7, "216-CV/BTCTU", "normal")]
    assert [line.split(":")[0] for line in report] == [
        "line 3",
        "line 4",
        "line 6",
        "line 7",
    ]
    assert "Ngày văn bản không thể sau ngày đến." in report[0]
    assert "Ban Kinh tế Trung ương" in report[1]
    assert "symbol" in report[3]


def test_numbering_continues_after_an_imported_register(senders, tmp_path):
    path = tmp_path / "so-den.csv"
    path.write_text(INCOMING_CSV, encoding="utf-8")
    import_register(path, "incoming", tmp_path)

    entry = IncomingDocument.objects.get(number=7)
    later = IncomingDocument(
        received_on=date(2026, 2, 1),
        sender=entry.sender,
        symbol="300-CV/BTCTU",
        dated=date(2026, 1, 30),
        document_type="CV",
        title="Sau khi nhập sổ",
    ).register()

    assert later.number == 8


def test_importing_the_same_register_twice_registers_nothing_twice(senders, tmp_path):
    path = tmp_path / "so-den.csv"
    path.write_text(INCOMING_CSV, encoding="utf-8")
    import_register(path, "incoming", tmp_path)

    report = import_register(path, "incoming", tmp_path)

    assert IncomingDocument.objects.count() == 2
    assert "đã được đăng ký với số đến 1/2026" in report[0]


def test_an_outgoing_register_is_imported_from_xlsx_and_numbering_continues(
    db, tmp_path
):
    IssuingBodyFactory(name="Văn phòng Thành ủy", abbreviation="VPTU")
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["symbol", "released_on", "issuer", "term", "title", "signer"])
    sheet.append(["05-CV/VPTU", date(2026, 2, 3), "VPTU", "XVII", "Về lịch", "An"])
    sheet.append(["02-TB/VPTU", "04/02/2026", "Văn phòng Thành ủy", "XVII", "TB", "An"])
    sheet.append(["05-CV/TU", "2026-02-05", "Văn phòng Thành ủy", "XVII", "X", "An"])
    sheet.append(["05-CV/VPTU", "2026-02-06", "Văn phòng Thành ủy", "XVII", "Y", "An"])
    path = tmp_path / "so-di.xlsx"
    workbook.save(path)

    report = import_register(path, "outgoing", tmp_path)

    assert sorted(OutgoingDocument.objects.values_list("symbol", flat=True)) == [
        "02-TB/VPTU",
        "05-CV/VPTU",
    ]
    assert [line.split(":")[0] for line in report] == ["line 4", "line 5"]
    next_letter = OutgoingDocumentFactory(access="restricted").release()
    assert next_letter.symbol == "06-CV/VPTU"
