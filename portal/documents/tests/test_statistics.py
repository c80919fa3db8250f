import csv
import datetime
import io

from openpyxl import load_workbook

from portal.documents.factories import DocumentFactory, IssuingBodyFactory
from portal.documents.types import DocumentType


def make_year(db):
    city = IssuingBodyFactory(name="Ban Thường vụ Thành ủy", abbreviation="TU")
    for n in range(3):
        DocumentFactory(
            symbol=f"{n + 1}-TB/TU",
            document_type=DocumentType.NOTICE,
            issuer=city,
            issued_on=datetime.date(2023, 3, n + 1),
        )
    DocumentFactory(
        symbol="01-KL/TW",
        document_type=DocumentType.CONCLUSION,
        issued_on=datetime.date(2023, 5, 1),
    )
    DocumentFactory(
        symbol="02-KL/TW",
        document_type=DocumentType.CONCLUSION,
        issued_on=datetime.date(2023, 6, 1),
        access="restricted",
    )
    DocumentFactory(
        symbol="03-KL/TW",
        document_type=DocumentType.CONCLUSION,
        issued_on=datetime.date(2022, 6, 1),
    )


def test_yearly_counts_per_type_and_issuer_count_only_what_the_reader_may_see(
    client, archive_page, db
):
    make_year(db)

    response = client.get("/van-ban/thong-ke/?year=2023")

    tables = dict(response.context["tables"])
    by_type = dict(tables["Loại văn bản"])
    assert by_type["Thông báo"] == 3
    assert by_type["Kết luận"] == 1
    assert by_type["Chỉ thị"] == 0
    assert dict(tables["Cơ quan ban hành"]) == {
        "Ban Thường vụ Thành ủy": 3,
        "Bộ Chính trị": 1,
    }
    assert response.context["years"] == [2023, 2022]


def test_the_counts_export_as_csv_and_xlsx(client, archive_page, db):
    make_year(db)

    csv_response = client.get("/van-ban/thong-ke/?year=2023&format=csv")
    xlsx_response = client.get("/van-ban/thong-ke/?year=2023&format=xlsx")

    rows = list(csv.reader(io.StringIO(csv_response.content.decode("utf-8-sig"))))
    assert ["Thông báo", "3"] in rows
    assert ["Tổng cộng", "4"] in rows
    assert 'filename="thong-ke-van-ban-2023.csv"' in csv_response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(xlsx_response.content)).active
    assert ("Kết luận", 1) in [tuple(row) for row in sheet.iter_rows(values_only=True)]


def test_a_nonsense_year_falls_back_to_the_latest(client, archive_page, db):
    make_year(db)

    assert client.get("/van-ban/thong-ke/?year=abc").context["year"] == 2023


def test_the_export_keeps_a_formula_like_issuer_name_as_text(client, archive_page, db):
    DocumentFactory(
        symbol="1-TB/TU",
        document_type=DocumentType.NOTICE,
        issuer=IssuingBodyFactory(name="=1+1 Thành ủy", abbreviation="TU"),
        issued_on=datetime.date(2023, 3, 1),
    )

    csv_response = client.get("/van-ban/thong-ke/?year=2023&format=csv")
    xlsx_response = client.get("/van-ban/thong-ke/?year=2023&format=xlsx")

    assert csv_response.content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(csv_response.content.decode("utf-8-sig"))))
    assert ["'=1+1 Thành ủy", "1"] in rows
    sheet = load_workbook(io.BytesIO(xlsx_response.content)).active
    cell = next(
        c for row in sheet.iter_rows() for c in row if c.value == "=1+1 Thành ủy"
    )
    assert (cell.data_type, cell.quotePrefix) == ("s", True)
