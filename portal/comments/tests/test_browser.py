"""A reader comments, an editor approves, the reader sees it: in Chromium."""

import re

import pytest
from playwright.sync_api import expect

from portal.access.factories import UserFactory
from portal.news.factories import make_article, make_section
from tests.browser import log_in, screenshot

pytestmark = pytest.mark.browser


@pytest.fixture
def article(home_page):
    section = make_section(home_page, title="Tin hoạt động")
    section.show_in_menus = True
    section.save()
    return make_article(section, title="Hội nghị tổng kết công tác Văn phòng")


def write_comment(page):
    page.get_by_label("Họ tên").fill("Nguyễn Thị Hoa")
    page.get_by_label("Số điện thoại").fill("0912 345 678")
    page.get_by_label("Tiêu đề").fill("Cảm ơn ban biên tập")
    page.get_by_label("Nội dung").fill("Bài viết đầy đủ, dễ hiểu. <b>Xin cảm ơn!</b>")
    page.get_by_role("textbox", name="Mã bảo mật").fill("abcde")


def test_a_reader_comment_is_approved_by_an_editor_and_then_shown(
    browser_page, chromium, live_server, article
):
    reader = browser_page
    reader.goto("/")
    reader.get_by_role("navigation", name="Điều hướng chính").get_by_role(
        "link", name="Tin hoạt động"
    ).click()
    reader.get_by_role("link", name="Hội nghị tổng kết công tác Văn phòng").click()
    expect(reader.get_by_role("heading", level=1)).to_have_text(
        "Hội nghị tổng kết công tác Văn phòng"
    )
    expect(reader.get_by_role("link", name="Lấy lại mã bảo mật")).to_be_visible()

    write_comment(reader)
    reader.get_by_role("button", name="Gửi").click()

    # The thanks stand where the form was, in view and focused, so that a
    # screen reader reads them out; the empty form is folded away.
    thanks = reader.get_by_role("status")
    expect(thanks).to_contain_text("đang chờ duyệt")
    expect(thanks).to_be_focused()
    expect(thanks).to_be_in_viewport()
    expect(reader.locator("#comments")).to_contain_text("đang chờ duyệt")
    expect(reader.get_by_label("Họ tên")).to_be_hidden()
    expect(reader.locator(".comment-list")).to_have_count(0)
    screenshot(reader, "comment-pending")
    reader.get_by_text("Viết bình luận khác").click()
    expect(reader.get_by_label("Họ tên")).to_be_visible()

    editor_context = chromium.new_context(base_url=live_server.url, locale="vi-VN")
    editor = editor_context.new_page()
    log_in(editor, UserFactory(role="editor"))
    editor.goto("/admin/snippets/comments/comment/?status=pending")
    row = editor.get_by_role("row").filter(has_text="Cảm ơn ban biên tập")
    row.get_by_role("checkbox").check()
    editor.get_by_role("link", name=re.compile("^Duyệt")).click()
    editor.get_by_role("button", name="Duyệt").click()
    expect(editor.get_by_text("Đã duyệt 1 bình luận.")).to_be_visible()
    screenshot(editor, "comment-approved-in-admin")
    editor_context.close()

    reader.reload()
    comment = reader.locator(".comment-list .comment")
    expect(comment).to_contain_text("Cảm ơn ban biên tập")
    # Shown as the reader typed it, not as markup.
    expect(comment).to_contain_text("<b>Xin cảm ơn!</b>")
    screenshot(reader, "comment-published")
