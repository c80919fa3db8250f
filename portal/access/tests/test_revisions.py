"""Access is never taken from a revision: publishing, scheduling, reverting and
copying keep the item's current access level and sharing."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.actions.revert_to_page_revision import RevertToPageRevisionAction
from wagtail.actions.revert_to_revision import RevertToRevisionAction
from wagtail.models import ModelLogEntry, Revision
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from portal.access.factories import UserFactory
from portal.access.sharing import share
from portal.documents.factories import DocumentFactory
from portal.documents.models import Document
from portal.news.factories import make_article, make_section
from portal.news.models import ArticlePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader():
    return UserFactory(role="staff")


@pytest.fixture
def article(home_page):
    return make_article(make_section(home_page), title="Bài công khai")


def draft_of(item, title):
    """A draft saved while the item was still public, as an editor would."""
    item.title = title
    return item.save_revision()


def restrict(item, reader):
    """Restrict the item and share it with the reader, as the sharing page does."""
    item.change_access("restricted", None)
    share(item, [], [reader], None)


def fresh(item):
    """The item as a later request loads it."""
    return type(item).objects.get(pk=item.pk)


def make_due(revision):
    """Move a scheduled revision's publication time into the past."""
    revision = Revision.objects.get(pk=revision.pk)
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])


def assert_restricted_to(item, reader):
    item = fresh(item)
    assert item.access == "restricted"
    assert item.is_visible_to(reader)
    assert not item.is_visible_to(None)
    assert not item.is_visible_to(UserFactory(role="staff"))


def test_publishing_an_article_draft_saved_before_a_restriction_keeps_it(
    client, article, reader
):
    draft = draft_of(article, "Bản nháp cũ")
    restrict(fresh(article), reader)

    Revision.objects.get(pk=draft.pk).publish()

    assert fresh(article).title == "Bản nháp cũ"
    assert_restricted_to(article, reader)
    assert client.get(fresh(article).url).status_code == 302


def test_reverting_an_article_to_a_revision_from_before_a_restriction_keeps_it(
    article, reader
):
    old = Revision.objects.get(pk=fresh(article).live_revision_id)
    draft_of(fresh(article), "Sửa sau")
    restrict(fresh(article), reader)

    reverted = RevertToPageRevisionAction(
        fresh(article), Revision.objects.get(pk=old.pk)
    ).execute()
    Revision.objects.get(pk=reverted.pk).publish()

    assert fresh(article).title == "Bài công khai"
    assert_restricted_to(article, reader)


def test_the_article_editor_opens_a_draft_with_the_current_access(article, reader):
    draft_of(article, "Bản nháp cũ")
    restrict(fresh(article), reader)

    assert fresh(article).get_latest_revision_as_object().access == "restricted"


def test_a_scheduled_article_revision_is_published_with_the_current_access(
    article, reader
):
    scheduled = fresh(article)
    scheduled.title = "Đăng theo lịch"
    scheduled.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = scheduled.save_revision()
    revision.publish()
    restrict(fresh(article), reader)
    make_due(revision)

    call_command("publish_scheduled")

    assert fresh(article).title == "Đăng theo lịch"
    assert_restricted_to(article, reader)


def test_copying_an_article_with_an_older_draft_copies_the_current_access(
    article, reader
):
    draft_of(article, "Bản nháp cũ")
    restrict(fresh(article), reader)

    copy = fresh(article).copy(update_attrs={"slug": "ban-sao", "title": "Bản sao"})
    Revision.objects.get(pk=fresh(copy).latest_revision_id).publish()

    assert fresh(copy).access == "restricted"
    assert ArticlePage.objects.get(
        pk=copy.pk
    ).get_latest_revision_as_object().access == ("restricted")


@pytest.fixture
def document():
    document = DocumentFactory(symbol="15-NQ/TW", title="Văn bản công khai")
    document.save_revision().publish()
    return fresh(document)


def test_publishing_a_document_draft_saved_before_a_restriction_keeps_it(
    client, archive_page, document, reader
):
    draft = draft_of(document, "Bản nháp cũ")
    restrict(fresh(document), reader)

    Revision.objects.get(pk=draft.pk).publish()

    assert fresh(document).title == "Bản nháp cũ"
    assert_restricted_to(document, reader)
    response = client.get(fresh(document).get_absolute_url())
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_reverting_a_document_to_a_revision_from_before_a_restriction_keeps_it(
    document, reader
):
    old = Revision.objects.get(pk=document.live_revision_id)
    draft_of(fresh(document), "Sửa sau")
    restrict(fresh(document), reader)

    reverted = RevertToRevisionAction(
        fresh(document), Revision.objects.get(pk=old.pk)
    ).execute()
    Revision.objects.get(pk=reverted.pk).publish()

    assert fresh(document).title == "Văn bản công khai"
    assert_restricted_to(document, reader)


def test_a_scheduled_document_revision_is_published_with_the_current_access(
    document, reader
):
    scheduled = fresh(document)
    scheduled.title = "Đăng theo lịch"
    scheduled.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    revision = scheduled.save_revision()
    revision.publish()
    restrict(fresh(document), reader)
    make_due(revision)

    call_command("publish_scheduled")

    assert fresh(document).title == "Đăng theo lịch"
    assert_restricted_to(document, reader)


def edit_form_data(document, **changes):
    data = {
        "document_type": document.document_type,
        "symbol": document.symbol,
        "issuer": document.issuer_id,
        "issued_on": document.issued_on.isoformat(),
        "title": document.title,
        "status": document.status,
        "access": document.access,
        "attachments": inline_formset([]),
        "relations": inline_formset([]),
    }
    data.update(changes)
    return nested_form_data(data)


def test_a_new_access_level_in_a_document_draft_applies_at_once_and_is_logged(
    client, document
):
    admin = UserFactory(role="admin")
    client.force_login(admin)

    response = client.post(
        f"/admin/snippets/documents/document/edit/{document.pk}/",
        edit_form_data(document, title="Bản nháp", access="internal"),
    )

    assert response.status_code == 302
    live = fresh(document)
    assert live.access == "internal"
    assert live.title == "Văn bản công khai"  # the draft is not published
    assert live.has_unpublished_changes
    entry = ModelLogEntry.objects.get(action="portal.access")
    assert entry.user == admin
    assert entry.data == {"from": "public", "to": "internal"}

    Revision.objects.get(pk=live.latest_revision_id).publish()
    assert fresh(document).access == "internal"
    assert Document.objects.visible_to(None).filter(pk=document.pk).count() == 0
