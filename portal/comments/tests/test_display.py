import pytest

from portal.comments.factories import CommentFactory
from portal.comments.models import Comment

pytestmark = pytest.mark.django_db


def test_only_approved_comments_appear_under_the_article(client, article):
    CommentFactory(page=article, subject="Đã duyệt", status=Comment.Status.APPROVED)
    CommentFactory(page=article, subject="Chờ duyệt")
    CommentFactory(page=article, subject="Bị từ chối", status=Comment.Status.REJECTED)

    page = client.get(article.url).content.decode()

    assert "Đã duyệt" in page
    assert "Chờ duyệt" not in page
    assert "Bị từ chối" not in page


def test_html_in_a_comment_is_shown_as_text(client, article):
    CommentFactory(
        page=article,
        body='<script>alert("x")</script><b>đậm</b>',
        status=Comment.Status.APPROVED,
    )
    page = client.get(article.url).content.decode()
    assert (
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;b&gt;đậm&lt;/b&gt;"
        in page
    )
    assert "<b>đậm</b>" not in page


def test_the_form_shows_the_refresh_link_in_proper_vietnamese(client, article):
    page = client.get(article.url).content.decode()
    assert "Lấy lại mã bảo mật" in page
    for label in ("Họ tên", "Số điện thoại", "Tiêu đề", "Nội dung", "Mã bảo mật"):
        assert label in page


def test_approving_a_comment_shows_it_to_the_next_anonymous_reader(client, article):
    comment = CommentFactory(page=article, subject="Góp ý mới")
    assert "Góp ý mới" not in client.get(article.url).content.decode()

    comment.approve(user=None)

    assert "Góp ý mới" in client.get(article.url).content.decode()
