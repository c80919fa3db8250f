import re

import pytest

from portal.followup.factories import TaskFactory, UnitFactory, member_of
from portal.followup.models import ProgressReport, Status
from tests.browser import log_in, screenshot


@pytest.mark.browser
def test_a_unit_member_reports_progress_from_the_intranet(browser_page, home_page):
    unit = UnitFactory(name="Ban Tuyên giáo Thành ủy")
    TaskFactory(lead_unit=unit, content="Tổ chức quán triệt kết luận")
    member = member_of(unit)
    page = browser_page

    log_in(page, member)
    page.goto("/noi-bo/")
    page.get_by_role("link", name="Tổ chức quán triệt kết luận").click()
    page.get_by_label(re.compile("Tiến độ thực hiện")).fill("Đã tổ chức hội nghị")
    page.get_by_label(re.compile("Tỷ lệ hoàn thành")).fill("60")
    page.get_by_role("button", name="Gửi báo cáo").click()
    page.wait_for_load_state()

    assert page.get_by_text("Báo cáo tiến độ đã được ghi nhận.").is_visible()
    assert page.get_by_text("Đã tổ chức hội nghị").is_visible()
    screenshot(page, "followup-progress-report")
    report = ProgressReport.objects.get()
    assert (report.percent, report.reported_by) == (60, member)
    assert report.task.status == Status.IN_PROGRESS
