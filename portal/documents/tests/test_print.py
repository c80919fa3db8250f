"""The print view: a Party document's first page (Hướng dẫn 36-HD/VPTW),
styled by a static sheet that the site's CSP lets through."""

import datetime
import re

import pytest

from portal.documents.factories import DocumentFactory, IssuingBodyFactory
from portal.documents.types import DocumentType


@pytest.fixture
def guidance(archive_page):
    central = IssuingBodyFactory(name="Ban Chấp hành Trung ương", abbreviation="TW")
    office = IssuingBodyFactory(
        name="Văn phòng Trung ương Đảng",
        abbreviation="VPTW",
        superior=central,
        place="Hà Nội",
    )
    return DocumentFactory(
        symbol="36-HD/VPTW",
        document_type=DocumentType.GUIDANCE,
        issuer=office,
        issued_on=datetime.date(2018, 1, 3),
        title="Về thể thức và kỹ thuật trình bày văn bản trong Đảng",
        body="Thực hiện Quy định số 66-QĐ/TW.\n\nVăn phòng Trung ương Đảng hướng dẫn.",
        signer="Nguyễn Văn Nên",
        signer_position="Chánh Văn phòng",
    )


def print_url(archive_page, document):
    return archive_page.document_url(document) + "in/"


def test_the_print_view_is_styled_by_a_static_sheet_not_inline_style(
    client, archive_page, guidance
):
    response = client.get(print_url(archive_page, guidance))

    html = response.content.decode()
    assert response.status_code == 200
    assert '<link rel="stylesheet" href="/static/css/document-print.css">' in html
    assert "<style" not in html and " style=" not in html
    assert "style-src 'self'" in response["Content-Security-Policy"]
    sheet = client.get("/static/css/document-print.css")
    assert sheet.status_code == 200
    assert b"@page" in b"".join(sheet.streaming_content)


def test_the_print_view_is_laid_out_as_a_party_document(client, archive_page, guidance):
    html = client.get(print_url(archive_page, guidance)).content.decode()

    def text_of(css_class):
        found = re.search(rf'class="{css_class}"[^>]*>([^<]*)<', html)
        return found.group(1).strip() if found else None

    assert text_of("issuer__superior") == "BAN CHẤP HÀNH TRUNG ƯƠNG"
    assert text_of("issuer__name") == "VĂN PHÒNG TRUNG ƯƠNG ĐẢNG"
    assert text_of("issuer__symbol") == "Số 36-HD/VPTW"
    assert text_of("party__name") == "ĐẢNG CỘNG SẢN VIỆT NAM"
    assert text_of("party__date") == "Hà Nội, ngày 03 tháng 01 năm 2018"
    assert text_of("document-type") == "HƯỚNG DẪN"
    assert text_of("document-abstract") == (
        "Về thể thức và kỹ thuật trình bày văn bản trong Đảng"
    )
    assert text_of("signature__position") == "CHÁNH VĂN PHÒNG"
    # The issuer's block comes before the Party's, the type after both.
    assert html.index("issuer__name") < html.index("party__name")
    assert html.index("party__date") < html.index("document-type")
    assert html.index("document-abstract") < html.index("Thực hiện Quy định")


@pytest.mark.parametrize(
    "issued_on, expected",
    [
        (datetime.date(2024, 2, 5), "Hà Nội, ngày 05 tháng 02 năm 2024"),
        (datetime.date(2024, 3, 5), "Hà Nội, ngày 05 tháng 3 năm 2024"),
        (datetime.date(2024, 12, 20), "Hà Nội, ngày 20 tháng 12 năm 2024"),
    ],
)
def test_the_date_takes_leading_zeros_as_party_documents_write_it(
    db, issued_on, expected
):
    issuer = IssuingBodyFactory(
        name="Thành ủy Hà Nội", abbreviation="TU", place="Hà Nội"
    )
    document = DocumentFactory(
        symbol="05-CT/TU",
        document_type=DocumentType.DIRECTIVE,
        issuer=issuer,
        issued_on=issued_on,
    )

    assert document.place_and_date() == expected


def test_without_a_place_the_date_stands_alone(db):
    document = DocumentFactory(issued_on=datetime.date(2024, 7, 1))

    assert document.place_and_date() == "Ngày 01 tháng 7 năm 2024"


def test_the_print_view_of_an_internal_document_asks_to_sign_in(client, archive_page):
    document = DocumentFactory(symbol="16-NQ/TW", access="internal")

    response = client.get(print_url(archive_page, document))

    assert response.status_code == 302
    assert "/login/" in response["Location"]
