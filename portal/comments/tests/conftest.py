import pytest

from portal.news.factories import make_article, make_section


@pytest.fixture
def article(home_page):
    return make_article(make_section(home_page), title="Hội nghị sơ kết công tác")


@pytest.fixture
def comment_data():
    return {
        "name": "Nguyễn Văn An",
        "phone": "0912 345 678",
        "subject": "Đề nghị bổ sung",
        "body": "Xin cảm ơn ban biên tập.",
        "captcha": "abcde",
        "website": "",
    }


@pytest.fixture
def post_comment(client, article):
    """Send the comment form as a reader does: the image first, then the form."""

    def post(data, page=article, fetch_code=True, **extra):
        if fetch_code:
            client.get("/binh-luan/ma-bao-mat.png")
        return client.post(f"/binh-luan/{page.pk}/", data, follow=True, **extra)

    return post
