import re
from datetime import timedelta

import pytest
from django.utils import timezone

from portal.access.factories import UserFactory
from portal.correspondence.models import IncomingDocument
from portal.documents.factories import IssuingBodyFactory
from portal.followup.factories import UnitFactory, member_of
from portal.followup.models import Task
from tests.browser import log_in, screenshot


@pytest.mark.browser
def test_a_clerk_registers_a_document_and_a_leader_routes_it_to_a_unit(
    browser_page, home_page
):
    IssuingBodyFactory(name="Ban Tổ chức Thành ủy", abbreviation="BTCTU")
    unit = UnitFactory(name="Phòng Tổng hợp")
    member = member_of(unit)
    clerk, leader = UserFactory(role="clerk"), UserFactory(role="approver")
    today = timezone.localdate()
    page = browser_page

    log_in(page, clerk)
    page.goto("/admin/correspondence/incoming/new/")
    page.locator("[name=document_type]").select_option(label="Công văn")
    page.locator("[name=sender]").select_option(label="Ban Tổ chức Thành ủy")
    page.locator("[name=symbol]").fill("215-CV/BTCTU")
    page.locator("[name=dated]").fill((today - timedelta(days=2)).strftime("%d/%m/%Y"))
    page.locator("[name=title]").fill("Về việc cử cán bộ dự lớp bồi dưỡng")
    page.locator("[name=recipient]").fill("Phòng Tổng hợp")
    page.locator("[name=file]").set_input_files(
        {"name": "215-CV.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4"}
    )
    screenshot(page, "correspondence-register-incoming")
    page.get_by_role("button", name=re.compile("^(Tạo|Create)")).click()
    page.wait_for_url("**/admin/correspondence/incoming/")

    entry = IncomingDocument.objects.get()
    assert (entry.number, entry.registered_by) == (1, clerk)
    assert page.get_by_text("215-CV/BTCTU").first.is_visible()

    page.context.clear_cookies()
    log_in(page, leader)
    page.goto(f"/admin/correspondence/incoming/routing/{entry.pk}/")
    page.locator("[name=instruction]").fill("Phòng Tổng hợp tham mưu văn bản trả lời.")
    page.locator("[name=lead_unit]").select_option(label="Phòng Tổng hợp")
    page.locator("[name=deadline]").fill(
        (today + timedelta(days=7)).strftime("%d/%m/%Y")
    )
    page.get_by_role("button", name="Chuyển xử lý").click()
    page.wait_for_load_state()

    assert page.get_by_text("Đã chuyển văn bản đến các đơn vị xử lý.").is_visible()
    screenshot(page, "correspondence-routed")
    task = Task.objects.get()
    assert (task.lead_unit, task.deadline) == (unit, today + timedelta(days=7))

    page.context.clear_cookies()
    log_in(page, member)
    page.goto("/noi-bo/nhiem-vu/")
    assert page.get_by_text(re.compile("215-CV/BTCTU")).first.is_visible()
