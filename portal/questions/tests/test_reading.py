import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from portal.followup.factories import UnitFactory
from portal.questions.factories import QuestionFactory, SubjectAreaFactory
from portal.questions.models import Status

pytestmark = pytest.mark.django_db


def listing(client, **params):
    return client.get("/hoi-dap/", params).content.decode()


def test_only_published_answers_are_listed_and_opened(client):
    published = QuestionFactory(published=True, title="Hỏi về nghị quyết mới")
    pending = QuestionFactory(
        title="Câu hỏi chưa trả lời", answer="Dự thảo", status=Status.ANSWERED
    )
    rejected = QuestionFactory(title="Câu hỏi không tiếp nhận", status=Status.REJECTED)

    page = listing(client)

    assert "Hỏi về nghị quyết mới" in page
    assert "Câu hỏi chưa trả lời" not in page and "Câu hỏi không tiếp nhận" not in page
    assert client.get(f"/hoi-dap/{published.pk}/").status_code == 200
    assert client.get(f"/hoi-dap/{pending.pk}/").status_code == 404
    assert client.get(f"/hoi-dap/{rejected.pk}/").status_code == 404


def test_a_published_answer_shows_the_answer_but_never_the_senders_contact(client):
    question = QuestionFactory(
        published=True,
        contact="0912345678",
        published_answer="Đồng chí liên hệ Văn phòng.",
        answer="Bản nháp mới chưa duyệt",
        unit=UnitFactory(name="Ban Tổ chức"),
    )

    page = client.get(f"/hoi-dap/{question.pk}/").content.decode()

    assert "Đồng chí liên hệ Văn phòng." in page
    assert "Ban Tổ chức" in page
    assert "0912345678" not in page
    assert "Bản nháp mới chưa duyệt" not in page


def test_answers_are_filtered_by_subject_area(client):
    QuestionFactory(published=True, title="Về tổ chức cơ sở đảng")
    QuestionFactory(
        published=True,
        title="Về tuyên truyền miệng",
        subject_area=SubjectAreaFactory(name="Công tác tuyên giáo"),
    )
    area = SubjectAreaFactory(name="Công tác tuyên giáo")

    page = listing(client, linh_vuc=area.pk)

    assert "Về tuyên truyền miệng" in page
    assert "Về tổ chức cơ sở đảng" not in page


def test_answers_are_searched_without_diacritics(client):
    QuestionFactory(published=True, title="Thủ tục kết nạp Đảng viên mới")
    QuestionFactory(published=True, title="Lịch tiếp công dân")

    page = listing(client, q="ket nap dang")

    assert "Thủ tục kết nạp Đảng viên mới" in page
    assert "Lịch tiếp công dân" not in page
    assert "Thủ tục kết nạp Đảng viên mới" in listing(client, q="kết nạp")
    # Written with other diacritics, a word is another word.
    assert "Thủ tục kết nạp Đảng viên mới" not in listing(client, q="kẹt nạp")


def test_unpublished_questions_are_never_found_by_search(client):
    QuestionFactory(title="Kết nạp đảng viên chưa duyệt", status=Status.ANSWERED)
    assert "chưa duyệt" not in listing(client, q="ket nap")


def test_a_wrong_subject_area_is_dropped_with_a_vietnamese_message(client):
    QuestionFactory(published=True, title="Hỏi về nghị quyết mới")

    response = client.get("/hoi-dap/", {"linh_vuc": "abc"})

    assert response.status_code == 200
    assert "Hỏi về nghị quyết mới" in response.content.decode()
    assert "Lĩnh vực này không tồn tại." in response.content.decode()


def test_the_listing_is_cached_until_an_answer_is_published(client):
    question = QuestionFactory(
        answer="Trả lời", status=Status.ANSWERED, unit=UnitFactory()
    )
    assert question.title not in listing(client)
    with CaptureQueriesContext(connection) as queries:
        listing(client)
    assert len(queries) == 0

    question.publish(user=None)

    assert question.title in listing(client)


def test_the_lookup_shows_the_status_and_the_answer_once_published(client):
    question = QuestionFactory(
        contact="hoa@example.vn", unit=UnitFactory(), status=Status.ASSIGNED
    )

    page = client.post("/hoi-dap/tra-cuu/", {"code": question.lookup_code})

    text = page.content.decode()
    assert "Đã chuyển đơn vị trả lời" in text
    assert question.title in text
    assert "hoa@example.vn" not in text
    assert "no-store" in page["Cache-Control"]

    question.answer = "Trả lời đã duyệt"
    question.publish(user=None)
    text = client.post("/hoi-dap/tra-cuu/", {"code": question.lookup_code.lower()})
    assert "Trả lời đã duyệt" in text.content.decode()


def test_a_draft_answer_is_not_shown_by_the_lookup(client):
    question = QuestionFactory(
        unit=UnitFactory(), answer="Dự thảo của đơn vị", status=Status.ANSWERED
    )
    text = client.post("/hoi-dap/tra-cuu/", {"code": question.lookup_code})
    assert "Dự thảo của đơn vị" not in text.content.decode()


def test_an_unknown_code_gets_a_vietnamese_message(client):
    QuestionFactory()
    page = client.post("/hoi-dap/tra-cuu/", {"code": "AAAA-BBBB-CCCC-DDDD"})
    assert page.status_code == 200
    assert "Không có câu hỏi nào có mã này" in page.content.decode()
