import re

import pytest
from axe_playwright_python.sync_playwright import Axe

from portal.access.factories import UserFactory
from portal.documents.factories import IssuingBodyFactory
from portal.drafting.factories import pdf_file
from portal.drafting.models import Draft
from portal.followup.factories import UnitFactory, member_of
from tests.browser import log_in, screenshot

from .conftest import key_for

SIGNER_PIN, OFFICE_PIN = "Ky-so-2468", "Con-dau-1357"


def serious_violations(page):
    results = Axe().run(page)
    return [
        f"{violation['id']}: {violation['help']}"
        for violation in results.response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]


def open_draft(page, user, draft):
    page.context.clear_cookies()
    log_in(page, user)
    page.goto(f"/noi-bo/du-thao/{draft.pk}/")


@pytest.mark.browser
def test_a_draft_goes_from_its_unit_through_approval_and_signing_to_the_archive(
    browser_page, archive_page, trusted
):
    IssuingBodyFactory(name="Văn phòng Thành ủy", abbreviation="VPTU")
    unit = UnitFactory(name="Phòng Tổng hợp")
    author = member_of(unit)
    head = UserFactory(role="staff", first_name="Bình", last_name="Trần Văn")
    signer = UserFactory(role="approver", first_name="Minh", last_name="Lê Quang")
    clerk = UserFactory(role="clerk")
    key_for(trusted, signer, SIGNER_PIN)
    key_for(trusted, None, OFFICE_PIN)
    page = browser_page

    log_in(page, author)
    page.goto("/noi-bo/du-thao/")
    page.get_by_role("link", name="Dự thảo mới").click()
    page.locator("[name=unit]").select_option(label="Phòng Tổng hợp")
    page.locator("[name=document_type]").select_option(label="Công văn")
    page.locator("[name=title]").fill("Về việc báo cáo kết quả công tác văn thư")
    page.locator("[name=issuer]").select_option(label="Văn phòng Thành ủy")
    page.locator("[name=term]").fill("XVII")
    page.locator("[name=recipients]").fill("Các ban đảng Thành ủy\nLưu VPTU")
    page.locator("[name=access]").select_option("public")
    page.locator("[name=file]").set_input_files(
        {
            "name": "cong-van.pdf",
            "mimeType": "application/pdf",
            "buffer": pdf_file().read(),
        }
    )
    page.get_by_role("button", name="Tạo dự thảo").click()
    page.get_by_label("Người xử lý bước 1", exact=True).select_option(
        label=f"Trần Văn Bình ({head.username})"
    )
    page.get_by_label("Chức vụ người xử lý bước 1").fill("Trưởng phòng")
    page.get_by_label("Người xử lý bước 2", exact=True).select_option(
        label=f"Lê Quang Minh ({signer.username})"
    )
    page.get_by_label("Chức vụ người xử lý bước 2").fill("Chánh Văn phòng")
    screenshot(page, "drafting-submit")
    assert serious_violations(page) == []
    page.get_by_role("button", name="Trình", exact=True).click()
    assert page.get_by_text("Đã trình dự thảo.").is_visible()
    draft = Draft.objects.get()

    open_draft(page, head, draft)
    page.locator("#approve").get_by_label("Ý kiến").fill("Đồng ý trình ký.")
    page.locator("#approve").get_by_role("button", name="Duyệt").click()
    assert page.get_by_text("Đồng chí đã duyệt").is_visible()

    open_draft(page, signer, draft)
    page.get_by_label("Mã PIN hoặc mật khẩu của khóa").fill(SIGNER_PIN)
    page.locator("#sign").get_by_role("button", name="Ký").click()
    assert page.get_by_text("Đồng chí đã ký").is_visible()

    page.context.clear_cookies()
    log_in(page, clerk)
    page.goto("/admin/")
    page.get_by_role(
        "link", name=re.compile("báo cáo kết quả công tác văn thư")
    ).click()
    page.get_by_label("Mã PIN hoặc mật khẩu của khóa").fill(OFFICE_PIN)
    # Releasing also files the document in the archive, reads its text and
    # checks its signatures: slower than the other steps on a busy machine.
    with page.expect_navigation(timeout=90_000):
        page.get_by_role("button", name="Phát hành").click(no_wait_after=True)
    assert page.get_by_text("Văn bản đã được cấp số").is_visible()
    assert page.locator(".draft__status").get_by_text("01-CV/VPTU").is_visible()
    screenshot(page, "drafting-released")
    assert serious_violations(page) == []

    document = Draft.objects.get().outgoing.archived_document
    page.goto(archive_page.document_url(document))
    signatures = page.locator(".signature")
    assert signatures.count() == 2
    assert signatures.nth(0).get_by_text("Lê Quang Minh").is_visible()
    assert page.get_by_text("chữ ký số", exact=False).first.is_visible()
    screenshot(page, "drafting-archive-signatures")
