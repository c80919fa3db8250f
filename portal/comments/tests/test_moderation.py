import pytest
from django.urls import reverse

from portal.access.factories import UserFactory
from portal.comments.factories import CommentFactory
from portal.comments.models import Comment

pytestmark = pytest.mark.django_db


def bulk_url(action, comments):
    ids = "&".join(f"id={comment.pk}" for comment in comments)
    url = reverse("wagtail_bulk_action", args=("comments", "comment", action))
    return f"{url}?next=/admin/&{ids}"


@pytest.fixture
def pending(article):
    return [CommentFactory(page=article, subject=f"Góp ý {n}") for n in range(3)]


def test_editors_see_how_many_comments_wait(client, pending):
    client.force_login(UserFactory(role="editor"))
    dashboard = client.get("/admin/").content.decode()
    assert "3 bình luận chờ duyệt" in dashboard


def test_an_editor_approves_comments_in_bulk(client, pending, article):
    editor = UserFactory(role="editor")
    client.force_login(editor)

    confirm = client.get(bulk_url("approve", pending[:2]))
    assert confirm.status_code == 200
    response = client.post(bulk_url("approve", pending[:2]))

    assert response.status_code == 302
    approved = Comment.objects.approved()
    assert {c.pk for c in approved} == {pending[0].pk, pending[1].pk}
    assert all(c.moderated_by == editor for c in approved)
    assert "Góp ý 0" in client.get(article.url).content.decode()


def test_an_approver_rejects_one_comment(client, pending):
    client.force_login(UserFactory(role="approver"))
    client.post(bulk_url("reject", pending[:1]))
    assert Comment.objects.get(pk=pending[0].pk).status == Comment.Status.REJECTED
    assert Comment.objects.pending().count() == 2


def test_the_listing_filters_pending_comments(client, pending, article):
    CommentFactory(page=article, subject="Đã đăng", status=Comment.Status.APPROVED)
    client.force_login(UserFactory(role="editor"))

    listing = client.get(
        reverse("wagtailsnippets_comments_comment:list") + "?status=pending"
    ).content.decode()

    assert "Góp ý 2" in listing
    assert "Đã đăng" not in listing


@pytest.mark.parametrize("role", ["staff", "clerk"])
def test_other_roles_cannot_moderate(client, pending, role):
    client.force_login(UserFactory(role=role))
    client.post(bulk_url("approve", pending))
    assert Comment.objects.pending().count() == 3
    listing = client.get(reverse("wagtailsnippets_comments_comment:list"))
    assert listing.status_code in (302, 403)
