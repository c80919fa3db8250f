from datetime import date

import pytest
from django.core.management import CommandError, call_command
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


HEADINGS = "received_on,number,sender,symbol,dated,type,title\n"


def incoming_row(number, title="Về công tác văn thư"):
    return f"2026-01-05,{number},VPTW,{number}-HD/VPTW,2026-01-03,HD,{title}\n"


def test_bad_arrival_numbers_are_reported_and_the_rest_registered(senders, tmp_path):
    path = tmp_path / "so-den.csv"
    path.write_text(
        HEADINGS
        + incoming_row(1)
        + "".join(
            incoming_row(number)
            for number in ("-3", "0", "99999999999", "mười", "2147483648")
        )
        + incoming_row(2),
        encoding="utf-8",
    )

    report = import_register(path, "incoming", tmp_path)

    assert sorted(IncomingDocument.objects.values_list("number", flat=True)) == [1, 2]
    assert [line.split(":")[0] for line in report] == [
        "line 3",
        "line 4",
        "line 5",
        "line 6",
        "line 7",
    ]
    assert all(": số đến:" in line for line in report)
    assert "bắt đầu từ 1" in report[1]


def test_a_huge_cell_a_nul_and_bytes_that_are_not_utf8_cost_only_their_row(
    senders, tmp_path
):
    path = tmp_path / "so-den.csv"
    path.write_bytes(
        "\ufeff".encode()
        + HEADINGS.encode()
        + incoming_row(1).encode()
        + incoming_row(2, title="T" * 200_000).encode()
        + incoming_row(3, title="Về\x00").encode()
        + incoming_row(4, title="Về việc").encode().replace("việc".encode(), b"\xff")
        + incoming_row(5).encode()
    )

    report = import_register(path, "incoming", tmp_path)

    assert sorted(IncomingDocument.objects.values_list("number", flat=True)) == [1, 5]
    assert [line.split(":")[0] for line in report] == ["line 3", "line 4", "line 5"]
    assert "131072" in report[0]
    assert "NUL" in report[1]
    assert "UTF-8" in report[2]


def test_an_outgoing_row_with_a_bad_number_of_copies_is_reported(db, tmp_path):
    IssuingBodyFactory(name="Văn phòng Thành ủy", abbreviation="VPTU")
    path = tmp_path / "so-di.csv"
    path.write_text(
        "symbol,released_on,issuer,term,title,signer,copies\n"
        "01-CV/VPTU,2026-02-03,VPTU,XVII,Về lịch,An,nhiều\n"
        "02-CV/VPTU,2026-02-03,VPTU,XVII,Về lịch,An,-1\n"
        "03-CV/VPTU,2026-02-03,VPTU,XVIII-XIX-XX-XXII,Về lịch,An,2\n"
        "04-CV/VPTU,2026-02-03,VPTU,XVII,Về lịch,An,2\n",
        encoding="utf-8",
    )

    report = import_register(path, "outgoing", tmp_path)

    assert list(OutgoingDocument.objects.values_list("symbol", flat=True)) == [
        "04-CV/VPTU"
    ]
    assert [line.split(":")[0] for line in report] == ["line 2", "line 3", "line 4"]


def test_a_workbook_that_is_not_xlsx_stops_with_a_message_and_no_traceback(
    db, tmp_path
):
    path = tmp_path / "so-den.xlsx"
    path.write_text("received_on,number\n", encoding="utf-8")

    with pytest.raises(CommandError, match="so-den.xlsx không phải tệp XLSX"):
        call_command("import_register", str(path), register="incoming")

    assert not IncomingDocument.objects.exists()


def test_a_missing_file_stops_with_a_message(db, tmp_path):
    with pytest.raises(CommandError, match="không đọc được"):
        call_command(
            "import_register", str(tmp_path / "khong-co.xlsx"), register="incoming"
        )
