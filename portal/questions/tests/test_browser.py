"""A reader sends a question and looks it up with the code: in Chromium."""

import re

import pytest
from playwright.sync_api import expect

from portal.questions.factories import SubjectAreaFactory
from portal.questions.models import Question
from tests.browser import screenshot

pytestmark = pytest.mark.browser


def test_a_reader_sends_a_question_and_looks_up_its_status(browser_page):
    SubjectAreaFactory(name="Công tác tuyên giáo")
    reader = browser_page
    reader.goto("/hoi-dap/")
    reader.get_by_role("link", name="Gửi câu hỏi, góp ý").click()

    reader.get_by_role("radio", name="Góp ý").check()
    reader.get_by_label("Họ tên").fill("Nguyễn Thị Hoa")
    reader.get_by_label("Thư điện tử hoặc số điện thoại").fill("0912 345 678")
    reader.get_by_label("Lĩnh vực").select_option(label="Công tác tuyên giáo")
    reader.get_by_label("Tiêu đề").fill("Tài liệu sinh hoạt chi bộ")
    reader.get_by_label("Nội dung").fill("Đề nghị gửi tài liệu sớm hơn một tuần.")
    reader.get_by_role("textbox", name="Mã bảo mật").fill("abcde")
    screenshot(reader, "question-form")
    reader.get_by_role("button", name="Gửi").click()

    expect(reader.get_by_role("heading", level=1)).to_have_text(
        "Câu hỏi của bạn đã được gửi"
    )
    code = reader.locator("[data-lookup-code]").inner_text()
    assert re.fullmatch(r"[A-Z0-9]{4}(-[A-Z0-9]{4}){3}", code)
    assert Question.objects.get().kind == "feedback"
    screenshot(reader, "question-sent")

    reader.get_by_role("link", name="Tra cứu câu hỏi đã gửi").click()
    reader.get_by_label("Mã tra cứu").fill(code.lower())
    reader.get_by_role("button", name="Tra cứu").click()

    result = reader.get_by_role("status")
    expect(result).to_contain_text("Đã tiếp nhận")
    expect(result).to_contain_text("Tài liệu sinh hoạt chi bộ")
    expect(reader.locator("main")).not_to_contain_text("0912345678")
    screenshot(reader, "question-looked-up")
