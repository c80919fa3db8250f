import re

import pytest
from django.core import mail

from portal.access.factories import UserFactory
from portal.comments.models import Comment
from portal.news.factories import make_article

pytestmark = pytest.mark.django_db


def test_a_reader_comment_waits_for_moderation_with_a_clear_message(
    post_comment, comment_data, article
):
    response = post_comment(comment_data)

    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PENDING
    assert comment.page_id == article.pk
    assert comment.phone == "0912345678"
    assert response.redirect_chain[-1][0].endswith(article.url + "#comment-sent")
    assert "đang chờ duyệt" in response.content.decode()
    # Pending comments are not shown to anyone yet.
    assert "Đề nghị bổ sung" not in response.content.decode()


def test_the_thanks_stand_where_the_form_was_and_are_announced(
    post_comment, comment_data, client, article
):
    html = post_comment(comment_data).content.decode()

    comments = html[html.index('id="comments"') :]
    thanks = re.search(r'<div class="comment-sent"[^>]*>(.*?)</div>', comments, re.S)
    assert thanks, "no thanks in the comments section"
    assert 'role="status"' in thanks.group(0) and 'tabindex="-1"' in thanks.group(0)
    assert "đang chờ duyệt" in thanks.group(1)
    # Not also on top of the page, and the empty form is folded away.
    assert html.count("đang chờ duyệt") == 1
    assert comments.index("comment-sent") < comments.index("<details")
    assert comments.index("<details") < comments.index('class="comment-form"')
    # Once read, the page is as before: the form, no thanks.
    again = client.get(article.url).content.decode()
    assert "comment-sent" not in again and "<details" not in again


def test_invalid_input_comes_back_with_the_readers_values_and_vietnamese_errors(
    post_comment, comment_data
):
    comment_data.update(name="", phone="12345", body="Nội dung tôi đã viết rất dài")

    response = post_comment(comment_data)

    page = response.content.decode()
    assert response.status_code == 200
    assert "Trường này là bắt buộc." in page
    assert "Nhập số điện thoại Việt Nam" in page
    assert "Nội dung tôi đã viết rất dài" in page
    assert 'value="Đề nghị bổ sung"' in page
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    "phone",
    [
        "0912345678",
        "091 234 5678",
        "+84 912 345 678",
        "84912345678",
        "024.3825.1234",
        "(028) 3829 1234",
        "0356-789-123",
    ],
)
def test_vietnamese_phone_numbers_are_accepted(post_comment, comment_data, phone):
    comment_data["phone"] = phone
    post_comment(comment_data)
    assert Comment.objects.count() == 1


@pytest.mark.parametrize("phone", ["12345", "0112345678", "09123456789", "091234567a"])
def test_other_phone_numbers_are_refused(post_comment, comment_data, phone):
    comment_data["phone"] = phone
    response = post_comment(comment_data)
    assert "Nhập số điện thoại Việt Nam" in response.content.decode()
    assert not Comment.objects.exists()


def test_a_wrong_security_code_is_refused(post_comment, comment_data):
    comment_data["captcha"] = "XXXXX"
    response = post_comment(comment_data)
    assert "Mã bảo mật không đúng" in response.content.decode()
    assert not Comment.objects.exists()


def test_a_wrong_answer_spends_the_code_and_the_reader_keeps_their_values(
    client, post_comment, comment_data
):
    post_comment({**comment_data, "captcha": "XXXXX"})
    spent_token = client.cookies["portal_captcha"].value

    # The right answer to the same image no longer helps: one guess per code.
    response = post_comment(comment_data, fetch_code=False)

    page = response.content.decode()
    assert "Mã bảo mật không đúng hoặc đã hết hạn. Vui lòng nhập mã mới." in page
    assert 'value="Đề nghị bổ sung"' in page
    assert "Xin cảm ơn ban biên tập." in page
    assert 'src="/binh-luan/ma-bao-mat.png"' in page
    assert not Comment.objects.exists()

    # The page's image draws a new code, which the reader can answer.
    post_comment(comment_data)
    assert client.cookies["portal_captcha"].value != spent_token
    assert Comment.objects.count() == 1


def test_a_spent_code_is_refused_on_any_page(post_comment, comment_data, article):
    other = make_article(article.get_parent(), title="Tin khác", slug="tin-khac")
    post_comment({**comment_data, "captcha": "XXXXX"})

    post_comment(comment_data, page=other, fetch_code=False)

    assert not Comment.objects.exists()


def test_a_form_sent_without_fetching_the_code_is_refused(post_comment, comment_data):
    response = post_comment(comment_data, fetch_code=False)
    assert "Mã bảo mật không đúng" in response.content.decode()
    assert not Comment.objects.exists()


def test_a_filled_honeypot_stores_nothing(post_comment, comment_data):
    comment_data["website"] = "http://spam.example"
    post_comment(comment_data)
    assert not Comment.objects.exists()


def test_a_double_submit_stores_one_comment(
    client, post_comment, comment_data, article
):
    post_comment(comment_data)
    # The same form sent again, with the same security code.
    client.post(f"/binh-luan/{article.pk}/", comment_data)
    assert Comment.objects.count() == 1


def test_one_address_may_send_only_a_few_comments_in_a_short_time(
    post_comment, comment_data, settings
):
    settings.COMMENTS_RATE_LIMIT = 3
    for _ in range(3):
        post_comment(comment_data)
    response = post_comment(comment_data)

    assert Comment.objects.count() == 3
    assert "thử lại sau" in response.content.decode()
    # Another address is not affected.
    post_comment(comment_data, REMOTE_ADDR="198.51.100.9")
    assert Comment.objects.count() == 4


def test_moderators_are_told_of_a_new_comment_by_email(post_comment, comment_data):
    editor = UserFactory(role="editor", email="bientap@example.org")
    UserFactory(role="staff", email="canbo@example.org")

    post_comment(comment_data)

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [editor.email]
    assert "Hội nghị sơ kết công tác" in mail.outbox[0].subject
    assert "Xin cảm ơn ban biên tập." in mail.outbox[0].body


def test_no_email_when_notifications_are_off(post_comment, comment_data, settings):
    settings.COMMENTS_NOTIFY_MODERATORS = False
    UserFactory(role="editor", email="bientap@example.org")
    post_comment(comment_data)
    assert mail.outbox == []


def test_comments_on_a_restricted_article_are_not_accepted_from_outsiders(
    client, post_comment, comment_data, article
):
    article.access = "internal"
    article.save()

    response = client.post(f"/binh-luan/{article.pk}/", comment_data)

    assert response.status_code == 302
    assert response["Location"].startswith("/login/")
    assert not Comment.objects.exists()


def test_pages_without_comments_refuse_them(client, comment_data, home_page):
    response = client.post(f"/binh-luan/{home_page.pk}/", comment_data)
    assert response.status_code == 404


def test_the_code_image_is_a_png_that_is_never_cached(client):
    response = client.get("/binh-luan/ma-bao-mat.png")
    assert response["Content-Type"] == "image/png"
    assert response.content.startswith(b"\x89PNG")
    assert "no-store" in response["Cache-Control"]
    assert response.cookies["portal_captcha"]["httponly"]
