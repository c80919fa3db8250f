"""The public pages in Chromium: keyboard use and an accessibility audit."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from portal.news.factories import make_article, make_section
from tests.browser import screenshot

pytestmark = pytest.mark.browser


@pytest.fixture
def article(home_page):
    section = make_section(home_page)
    section.show_in_menus = True
    section.save()
    for number in range(3):
        make_article(section, title=f"Bài trước {number}")
    return make_article(section, title="Đổi mới phương thức lãnh đạo")


def focused(page):
    return page.evaluate(
        "() => { const e = document.activeElement;"
        " return (e.id || e.getAttribute('href') || e.textContent).trim(); }"
    )


def test_the_article_page_works_from_the_keyboard_alone(browser_page, article):
    page = browser_page
    page.goto(article.url)

    page.keyboard.press("Tab")
    assert focused(page) == "#main"
    page.keyboard.press("Enter")

    reached = []
    for _ in range(60):
        page.keyboard.press("Tab")
        reached.append(focused(page))
        if reached[-1] == "id_name":
            break
    assert "id_name" in reached, reached
    page.keyboard.type("Trần Văn Bình")
    for field, text in [
        ("id_phone", "024 3825 1234"),
        ("id_subject", "Góp ý"),
        ("id_body", "Nội dung góp ý"),
    ]:
        page.keyboard.press("Tab")
        assert focused(page) == field
        page.keyboard.type(text)
    page.keyboard.press("Tab")  # "Lấy lại mã bảo mật"
    page.keyboard.press("Tab")
    assert focused(page) == "id_captcha"
    page.keyboard.type("ABCDE")
    page.keyboard.press("Tab")
    assert focused(page) == "Gửi"
    page.keyboard.press("Enter")
    page.wait_for_load_state()

    assert "đang chờ duyệt" in page.locator("[role=status]").inner_text()


@pytest.mark.parametrize(
    "path", ["/", "section", "article", "/search/?q=hội+nghị", "/login/", "/khong-co/"]
)
def test_public_pages_have_no_serious_accessibility_violations(
    browser_page, article, path
):
    url = {"section": article.get_parent().url, "article": article.url}.get(path, path)
    browser_page.goto(url)

    results = Axe().run(browser_page)

    serious = [
        f"{violation['id']}: {violation['help']} ({len(violation['nodes'])})"
        for violation in results.response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
    name = url.strip("/").replace("/", "-").split("?")[0] or "home"
    screenshot(browser_page, f"a11y-{name}")
    assert serious == []


def test_a_new_articles_address_is_its_title_in_ascii(browser_page, article):
    from playwright.sync_api import expect

    from portal.access.factories import UserFactory
    from tests.browser import log_in

    page = browser_page
    log_in(page, UserFactory(role="editor"))
    page.goto(f"/admin/pages/add/news/articlepage/{article.get_parent().pk}/")

    title = page.locator("#id_title")
    title.click()
    title.press_sequentially("Đổi mới phương thức lãnh đạo của Đảng ủy Khối")
    title.blur()

    expect(page.locator("#id_slug")).to_have_value(
        "doi-moi-phuong-thuc-lanh-dao-cua-dang-uy-khoi"
    )
