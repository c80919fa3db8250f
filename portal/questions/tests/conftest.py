import pytest

from portal.questions.factories import SubjectAreaFactory


@pytest.fixture
def subject_area(db):
    return SubjectAreaFactory(name="Công tác tổ chức")


@pytest.fixture
def question_data(subject_area):
    return {
        "kind": "question",
        "name": "Nguyễn Thị Hoa",
        "contact": "hoa@example.vn",
        "subject_area": subject_area.pk,
        "title": "Thủ tục chuyển sinh hoạt đảng",
        "body": "Tôi cần những giấy tờ gì khi chuyển sinh hoạt đảng?",
        "captcha": "abcde",
        "website": "",
    }


@pytest.fixture
def send_question(client):
    """Send the form as a reader does: the image first, then the form."""

    def send(data, fetch_code=True, **extra):
        if fetch_code:
            client.get("/binh-luan/ma-bao-mat.png")
        return client.post("/hoi-dap/gui-cau-hoi/", data, **extra)

    return send
