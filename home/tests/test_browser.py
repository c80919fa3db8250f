import pytest

from tests.browser import screenshot


@pytest.mark.browser
def test_home_page_renders_its_vietnamese_title_in_chromium(browser_page, home_page):
    browser_page.goto("/")

    assert browser_page.title().startswith("Cổng thông tin Văn phòng cấp ủy")
    assert screenshot(browser_page, "home").stat().st_size > 0
