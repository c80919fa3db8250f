import datetime

import time_machine
from django.core.management import call_command
from django.utils import timezone

from portal.access.factories import UserFactory
from portal.documents.factories import DocumentFactory
from portal.documents.models import Document


def draft(**kwargs):
    document = DocumentFactory(live=False, **kwargs)
    document.save_revision()
    return document


def test_editors_submit_drafts_and_approvers_publish_them(db):
    editor = UserFactory(role="editor")
    approver = UserFactory(role="approver")
    document = draft(symbol="15-NQ/TW")

    workflow = document.get_workflow()
    assert workflow.name == "Duyệt nội dung"
    workflow_state = workflow.start(document, editor)
    task_state = workflow_state.current_task_state
    assert editor not in task_state.task.specific.groups.first().user_set.all()
    task_state.task.specific.on_action(task_state, approver, "approve")

    document.refresh_from_db()
    assert document.live
    assert Document.objects.visible_to(None).filter(pk=document.pk).exists()


def test_only_approvers_hold_the_publish_permission(db):
    assert not UserFactory(role="editor").has_perm("documents.publish_document")
    assert not UserFactory(role="clerk").has_perm("documents.publish_document")
    assert UserFactory(role="approver").has_perm("documents.publish_document")


def test_revisions_keep_every_version_for_comparison(db):
    document = draft(symbol="15-NQ/TW", title="Bản đầu")
    document.title = "Bản sửa"
    document.save_revision()

    titles = [
        revision.as_object().title
        for revision in document.revisions.order_by("created_at")
    ]
    assert titles == ["Bản đầu", "Bản sửa"]


def test_scheduled_documents_are_published_and_expired_by_publish_scheduled(db):
    with time_machine.travel(datetime.datetime(2026, 1, 1, 8, tzinfo=datetime.UTC)):
        document = draft(symbol="15-NQ/TW")
        document.go_live_at = timezone.now() + datetime.timedelta(days=1)
        document.expire_at = timezone.now() + datetime.timedelta(days=10)
        document.save_revision().publish()
        document.refresh_from_db()
        assert not document.live

    with time_machine.travel(datetime.datetime(2026, 1, 2, 9, tzinfo=datetime.UTC)):
        call_command("publish_scheduled")
        document.refresh_from_db()
        assert document.live

    with time_machine.travel(datetime.datetime(2026, 1, 12, 9, tzinfo=datetime.UTC)):
        call_command("publish_scheduled")
        document.refresh_from_db()
        assert not document.live
        assert document.expired
