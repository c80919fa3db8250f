"""A document that replaces or repeals another updates the old one's status and
flags its open tasks for the office to close or carry over."""

import datetime
import json

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from portal.access.factories import UserFactory
from portal.documents.factories import DocumentFactory, IssuingBodyFactory
from portal.documents.importing import DocumentImporter
from portal.documents.models import DocumentRelation
from portal.documents.types import DocumentType, EffectiveStatus, RelationKind
from portal.followup.factories import TaskFactory
from portal.followup.models import Status

pytestmark = pytest.mark.django_db


def issue(document, kind, target):
    """The editor relates a draft to ``target`` and publishes it."""
    DocumentRelation.objects.create(source=document, kind=kind, target=target)
    document.save_revision().publish()
    target.refresh_from_db()


def notice(symbol, **fields):
    return DocumentFactory(document_type=DocumentType.NOTICE, symbol=symbol, **fields)


@pytest.fixture
def old():
    return notice("05-TB/TU")


@pytest.fixture
def new():
    return notice("12-TB/TU", live=False)


@pytest.mark.parametrize(
    ("kind", "status"),
    [
        (RelationKind.REPLACES, EffectiveStatus.REPLACED),
        (RelationKind.REPEALS, EffectiveStatus.EXPIRED),
    ],
)
def test_replacing_or_repealing_a_document_flags_its_open_tasks(old, new, kind, status):
    open_task = TaskFactory(source_document=old)
    done = TaskFactory(
        source_document=old,
        status=Status.COMPLETED,
        completed_on=datetime.date(2026, 3, 1),
    )
    other = TaskFactory()

    issue(new, kind, old)

    assert old.status == status
    open_task.refresh_from_db()
    done.refresh_from_db()
    other.refresh_from_db()
    assert open_task.superseded_by == new
    assert done.superseded_by is None
    assert other.superseded_by is None


def test_an_amendment_marks_the_document_partly_expired_and_leaves_its_tasks(old, new):
    task = TaskFactory(source_document=old)

    issue(new, RelationKind.AMENDS, old)

    assert old.status == EffectiveStatus.AMENDED
    task.refresh_from_db()
    assert task.superseded_by is None


def test_a_later_amendment_does_not_revive_a_replaced_document(old, new):
    old.status = EffectiveStatus.REPLACED
    old.save()

    issue(new, RelationKind.AMENDS, old)

    assert old.status == EffectiveStatus.REPLACED


def test_a_draft_that_replaces_a_document_changes_nothing_until_it_is_issued(old, new):
    TaskFactory(source_document=old)

    DocumentRelation.objects.create(source=new, kind=RelationKind.REPLACES, target=old)
    new.save_revision()
    old.refresh_from_db()

    assert old.status == EffectiveStatus.IN_FORCE
    assert not old.followup_tasks.filter(superseded_by__isnull=False).exists()


def test_importing_a_replacing_document_has_the_same_effect():
    issuer = IssuingBodyFactory(name="Ban Thường vụ Thành ủy", abbreviation="TU")
    old = DocumentFactory(
        symbol="05-TB/TU", issuer=issuer, issued_on=datetime.date(2025, 3, 12)
    )
    task = TaskFactory(source_document=old)
    row = {
        "type": "Thông báo",
        "symbol": "12-TB/TU",
        "issuer": "Ban Thường vụ Thành ủy",
        "issued_on": "2026-03-12",
        "title": "Thông báo kết luận thay thế Thông báo 05-TB/TU",
        "relations": [{"kind": "replaces", "symbol": "05-TB/TU", "issuer": "TU"}],
    }

    report = DocumentImporter().import_lines([json.dumps(row, ensure_ascii=False)])

    assert report.errors == []
    old.refresh_from_db()
    task.refresh_from_db()
    assert old.status == EffectiveStatus.REPLACED
    assert task.superseded_by.symbol == "12-TB/TU"


def test_the_office_carries_a_flagged_task_over_to_the_new_document(client, old, new):
    task = TaskFactory(source_document=old)
    issue(new, RelationKind.REPLACES, old)
    clerk = UserFactory(role="clerk")
    client.force_login(clerk)

    page = client.get(reverse("followup:task", args=[task.pk])).content.decode()
    response = client.post(reverse("followup:carry_over", args=[task.pk]))

    assert "đã được thay thế hoặc bãi bỏ bởi 12-TB/TU" in page
    assert response.status_code == 302
    task.refresh_from_db()
    assert (task.source_document, task.superseded_by) == (new, None)
    entry = ModelLogEntry.objects.for_instance(task).get(action="followup.carry_over")
    assert (entry.user, entry.data["previous"]) == (clerk, "05-TB/TU")


def test_staff_may_not_carry_tasks_over(client, old, new):
    task = TaskFactory(source_document=old)
    issue(new, RelationKind.REPLACES, old)
    client.force_login(UserFactory(role="staff"))

    assert (
        client.post(reverse("followup:carry_over", args=[task.pk])).status_code == 403
    )


def test_the_notice_does_not_name_a_replacing_document_the_reader_may_not_see(
    client, old
):
    secret = notice("99-TB/TU", live=False, access="restricted")
    task = TaskFactory(source_document=old)
    issue(secret, RelationKind.REPLACES, old)
    client.force_login(UserFactory(role="clerk"))

    page = client.get(reverse("followup:task", args=[task.pk])).content.decode()

    assert "bởi một văn bản khác" in page
    assert "99-TB/TU" not in page
