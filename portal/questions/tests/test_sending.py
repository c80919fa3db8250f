import re

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.access.factories import UserFactory
from portal.questions.models import Question, Status

pytestmark = pytest.mark.django_db


def shown_code(response):
    return re.search(r"data-lookup-code>([A-Z0-9-]+)<", response.content.decode())[1]


def test_a_reader_sends_a_question_and_gets_a_lookup_code_once(
    client, send_question, question_data
):
    response = send_question(question_data)

    question = Question.objects.get()
    assert question.status == Status.RECEIVED
    assert question.contact == "hoa@example.vn"
    assert question.ip_address == "127.0.0.1"
    code = shown_code(response)
    assert re.fullmatch(r"[A-Z0-9]{4}(-[A-Z0-9]{4}){3}", code)
    assert "no-store" in response["Cache-Control"]
    # Only a hash of the code is kept.
    assert code.replace("-", "") not in str(Question.objects.values().get())
    # Nowhere else is it shown: not on the lookup page it leads to.
    lookup = client.post("/hoi-dap/tra-cuu/", {"code": code}).content.decode()
    assert code not in lookup


def test_a_double_submit_stores_one_question_and_shows_the_same_code(
    client, send_question, question_data
):
    first = send_question(question_data)
    again = send_question(question_data, fetch_code=False)

    assert Question.objects.count() == 1
    assert shown_code(again) == shown_code(first)


def test_two_questions_get_different_codes(send_question, question_data):
    codes = {shown_code(send_question(question_data)) for _ in range(2)}
    assert Question.objects.count() == 2
    assert len(codes) == 2


def test_invalid_input_comes_back_with_the_readers_values_and_vietnamese_errors(
    send_question, question_data
):
    question_data.update(contact="12345", name="", subject_area="")

    response = send_question(question_data)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Trường này là bắt buộc." in page
    assert "Nhập địa chỉ thư điện tử hoặc số điện thoại Việt Nam" in page
    assert 'value="Thủ tục chuyển sinh hoạt đảng"' in page
    assert "Tôi cần những giấy tờ gì khi chuyển sinh hoạt đảng?" in page
    assert 'value="12345"' in page
    assert not Question.objects.exists()


@pytest.mark.parametrize(
    "contact, stored",
    [("0912 345 678", "0912345678"), ("Hoa@Example.VN", "hoa@example.vn")],
)
def test_a_phone_number_or_an_email_address_is_a_contact(
    send_question, question_data, contact, stored
):
    send_question({**question_data, "contact": contact})
    assert Question.objects.get().contact == stored


def test_a_wrong_security_code_is_refused_and_spends_the_code(
    send_question, question_data
):
    response = send_question({**question_data, "captcha": "XXXXX"})
    assert "Mã bảo mật không đúng" in response.content.decode()

    send_question(question_data, fetch_code=False)
    assert not Question.objects.exists()


def test_a_code_that_let_a_comment_through_does_not_let_a_question_through(
    client, send_question, question_data, home_page
):
    from portal.news.factories import make_article, make_section

    article = make_article(make_section(home_page), title="Tin hoạt động")
    client.get("/binh-luan/ma-bao-mat.png")
    client.post(
        f"/binh-luan/{article.pk}/",
        {
            "name": "An",
            "phone": "",
            "subject": "Ý kiến",
            "body": "Tốt",
            "captcha": "abcde",
        },
    )
    assert article.reader_comments.count() == 1

    response = send_question(question_data, fetch_code=False)

    assert "Mã bảo mật không đúng" in response.content.decode()
    assert not Question.objects.exists()


def test_a_filled_honeypot_stores_nothing(send_question, question_data):
    send_question({**question_data, "website": "http://spam.example"})
    assert not Question.objects.exists()


def test_one_address_may_send_only_a_few_questions_in_a_short_time(
    send_question, question_data, settings
):
    settings.COMMENTS_RATE_LIMIT = 2
    for _ in range(3):
        response = send_question(question_data)

    assert Question.objects.count() == 2
    assert "Bạn đã gửi nhiều câu hỏi" in response.content.decode()
    send_question(question_data, REMOTE_ADDR="198.51.100.9")
    assert Question.objects.count() == 3


def test_the_office_is_told_of_a_new_question_by_email(send_question, question_data):
    clerk = UserFactory(role="clerk", email="vanthu@example.org")
    UserFactory(role="editor", email="bientap@example.org")

    send_question(question_data)

    assert [message.to for message in mail.outbox] == [[clerk.email]]
    assert "Thủ tục chuyển sinh hoạt đảng" in mail.outbox[0].subject
    assert "Tôi cần những giấy tờ gì" in mail.outbox[0].body


def test_no_email_when_notifications_are_off(send_question, question_data, settings):
    settings.COMMENTS_NOTIFY_MODERATORS = False
    UserFactory(role="clerk", email="vanthu@example.org")
    send_question(question_data)
    assert mail.outbox == []


def test_the_form_page_carries_no_csrf_token_and_is_cached_for_readers(client):
    first = client.get("/hoi-dap/gui-cau-hoi/")
    assert "csrfmiddlewaretoken" not in first.content.decode()
    assert 'src="/binh-luan/ma-bao-mat.png"' in first.content.decode()
    assert not first.cookies

    with CaptureQueriesContext(connection) as queries:
        second = client.get("/hoi-dap/gui-cau-hoi/")
    assert len(queries) == 0
    assert second.content == first.content
