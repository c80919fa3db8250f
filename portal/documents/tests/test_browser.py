import re

import pytest
from django.conf import settings

from portal.documents.extraction import TextStatus
from portal.documents.factories import IssuingBodyFactory
from portal.documents.models import Document
from tests import files
from tests.browser import log_in, screenshot
from tests.factories import UserFactory


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
