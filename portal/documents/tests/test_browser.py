import datetime
import re

import pytest
from django.conf import settings

from portal.access.factories import UserFactory
from portal.documents.extraction import TextStatus
from portal.documents.factories import DocumentFactory, IssuingBodyFactory
from portal.documents.models import Document
from portal.documents.types import DocumentType
from tests import files
from tests.browser import log_in, screenshot


@pytest.mark.browser
def test_an_approver_files_a_document_with_its_docx_under_the_admins_policy(
    browser_page, archive_page
):
    politburo = IssuingBodyFactory(name="Bộ Chính trị", abbreviation="TW")
    page = browser_page
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )

    log_in(page, UserFactory(role="approver"))
    response = page.goto("/admin/snippets/documents/document/add/")
    assert "object-src 'none'" in response.headers["content-security-policy"]
    page.locator("[name=document_type]").select_option(value="NQ")
    page.locator("[name=symbol]").fill("15-NQ/TW")
    # the issuer's chooser is a modal; its hidden field is what the form sends
    page.locator("[name=issuer]").evaluate(
        "(field, pk) => { field.value = pk; }", str(politburo.pk)
    )
    page.locator("[name=issued_on]").fill("05/05/2022")
    page.locator("[name=title]").fill("Về phát triển Thủ đô Hà Nội đến năm 2030")
    # the inline panel and the date picker run Wagtail's inline scripts
    page.locator("#id_attachments-ADD").click()
    page.locator("[name=attachments-0-file]").set_input_files(
        {
            "name": "phu-luc.docx",
            "mimeType": "application/octet-stream",
            "buffer": files.docx_with_text("Quy hoạch vùng Thủ đô"),
        }
    )
    page.get_by_role("button", name=re.compile("^(Lưu nháp|Save draft)")).click()
    page.wait_for_url(re.compile(r"/edit/\d+/$"))
    screenshot(page, "documents-attachment-text")

    attachment = Document.objects.get().attachments.get()
    assert attachment.text_status == TextStatus.EXTRACTED
    assert "Quy hoạch vùng Thủ đô" in attachment.extracted_text
    assert page.get_by_text("Đã trích xuất nội dung").first.is_visible()
    assert refused == [], settings.PORTAL_ADMIN_CONTENT_SECURITY_POLICY


# The print view, laid out as a Party document, and the archive's tables.


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
        body="\n\n".join(
            [
                "Thực hiện Quy định số 66-QĐ/TW của Ban Bí thư về thể thức văn bản "
                "của Đảng, Văn phòng Trung ương Đảng hướng dẫn như sau.",
                "Văn bản của Đảng được trình bày trên khổ giấy A4, phông chữ tiếng "
                "Việt của bộ mã ký tự chữ Việt.",
            ]
        ),
        signer="Nguyễn Văn Nên",
        signer_position="Chánh Văn phòng",
    )


def box(page, selector):
    return page.locator(selector).bounding_box()


@pytest.mark.browser
def test_the_print_view_reads_like_a_party_document(
    browser_page, archive_page, guidance
):
    page = browser_page
    page.goto(archive_page.document_url(guidance))
    page.get_by_role("link", name="Bản in").click()

    issuer, party = box(page, ".heading__issuer"), box(page, ".heading__party")
    # Issuer top left, the Party top right, side by side.
    assert issuer["x"] + issuer["width"] <= party["x"]
    assert abs(issuer["y"] - party["y"]) < 2
    style = page.locator(".party__name").evaluate(
        "e => { const s = getComputedStyle(e);"
        " return [s.textDecorationLine, s.fontWeight, s.fontFamily]; }"
    )
    assert style[0] == "underline" and int(style[1]) >= 700
    assert "Times New Roman" in style[2]
    assert (
        page.locator(".party__date").evaluate("e => getComputedStyle(e).fontStyle")
        == "italic"
    )
    superior, name = box(page, ".issuer__superior"), box(page, ".issuer__name")
    symbol = box(page, ".issuer__symbol")
    assert superior["y"] < name["y"] < symbol["y"]
    doc_type = box(page, ".document-type")
    assert doc_type["y"] > box(page, ".party__date")["y"]
    # Centred on the page.
    sheet = box(page, ".sheet")
    centre = sheet["x"] + sheet["width"] / 2
    assert abs(doc_type["x"] + doc_type["width"] / 2 - centre) < 40
    screenshot(page, "document-print-view")


@pytest.mark.browser
def test_the_archive_table_and_the_statistics_show_types_borders_and_totals(
    browser_page, archive_page, guidance
):
    DocumentFactory(symbol="05-CT/TW", document_type=DocumentType.DIRECTIVE)
    page = browser_page

    page.goto(archive_page.url)
    header = page.locator("table.documents thead th")
    assert header.nth(1).inner_text() == "Loại văn bản"
    assert (
        page.locator("table.documents td").first.evaluate(
            "e => getComputedStyle(e).borderTopStyle"
        )
        == "solid"
    )
    screenshot(page, "archive-table")

    page.goto("/van-ban/thong-ke/?year=2018")
    total = page.locator("table.statistics tfoot").first
    assert "Tổng cộng" in total.inner_text() and "1" in total.inner_text()
    screenshot(page, "archive-statistics")
