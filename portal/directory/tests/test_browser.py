import pytest

from portal.directory.factories import StaffContactFactory
from portal.followup.factories import UnitFactory, member_of
from tests.browser import log_in, screenshot


@pytest.mark.browser
def test_staff_find_a_colleague_typing_without_diacritics(browser_page, home_page):
    unit = UnitFactory(name="Ban Tuyên giáo Thành ủy")
    colleague = member_of(unit, last_name="Phạm Thị", first_name="Hằng")
    StaffContactFactory(
        user=colleague, position="Phó Trưởng ban", office_phone="024 3825 2222"
    )
    member_of(unit, last_name="Đỗ Văn", first_name="Bình")
    page = browser_page

    log_in(page, member_of(UnitFactory(name="Văn phòng Thành ủy")))
    page.goto("/noi-bo/danh-ba/")
    page.get_by_label("Tìm họ tên, chức vụ, đơn vị, điện thoại hoặc thư điện tử").fill(
        "pham thi hang"
    )
    page.get_by_role("button", name="Tìm kiếm").click()
    page.wait_for_load_state()

    rows = page.locator(".directory-people tbody tr")
    assert rows.count() == 1
    assert "Phạm Thị Hằng" in rows.inner_text()
    assert "Phó Trưởng ban" in rows.inner_text()
    assert page.get_by_role("status").inner_text() == "Tìm thấy 1 người"
    screenshot(page, "directory-search")
    with page.expect_download() as download:
        rows.get_by_role("link", name="vCard của Phạm Thị Hằng").click()
    assert download.value.suggested_filename == "pham-thi-hang.vcf"
