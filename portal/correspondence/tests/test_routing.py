from datetime import date

import pytest
import time_machine
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from portal.access.factories import UserFactory
from portal.correspondence.factories import (
    IncomingDocumentFactory,
    OutgoingDocumentFactory,
)
from portal.correspondence.models import Routing
from portal.correspondence.models.routing import REPLY, ROUTE
from portal.correspondence.statistics import register_tables
from portal.followup.factories import UnitFactory, member_of
from portal.followup.models import Bucket, Task

TODAY = date(2026, 3, 12)


@time_machine.travel(TODAY, tick=False)
def test_a_leader_routes_a_document_and_the_units_get_a_follow_up_task(client, db):
    incoming = IncomingDocumentFactory()
    lead, partner = UnitFactory(name="Phòng Tổng hợp"), UnitFactory(name="Ban Tổ chức")
    leader = UserFactory(role="approver")
    client.force_login(leader)
    url = f"/admin/correspondence/incoming/routing/{incoming.pk}/"

    response = client.post(
        url,
        {
            "instruction": "Phòng Tổng hợp chủ trì tham mưu văn bản trả lời.",
            "lead_unit": lead.pk,
            "coordinating_units": [partner.pk],
            "deadline": "2026-03-20",
        },
    )

    assert response.status_code == 302
    task = Task.objects.get()
    assert (task.lead_unit, list(task.coordinating_units.all())) == (lead, [partner])
    assert (task.deadline, task.assigned_by, task.source_document) == (
        date(2026, 3, 20),
        leader,
        None,
    )
    assert incoming.symbol in task.content
    incoming.refresh_from_db()
    assert incoming.routing.task == task
    assert incoming.handling_deadline == date(2026, 3, 20)
    assert ModelLogEntry.objects.filter(action=ROUTE, object_id=incoming.pk).exists()
    assert Task.objects.visible_to(member_of(lead)).get() == task
    assert not Task.objects.visible_to(member_of(UnitFactory(name="Ban Dân vận")))


def test_the_register_shows_how_the_handling_stands_and_counts_as_overdue(db):
    incoming = IncomingDocumentFactory()
    with time_machine.travel(TODAY, tick=False):
        Routing.route(
            incoming,
            instruction="Trả lời trước ngày 20.",
            lead_unit=UnitFactory(name="Phòng Tổng hợp"),
            deadline=date(2026, 3, 20),
            user=None,
        )

    with time_machine.travel(date(2026, 3, 23), tick=False):
        assert incoming.routing.task.bucket() == Bucket.OVERDUE
        assert incoming.handling_status() == "Phòng Tổng hợp: Quá hạn, chưa hoàn thành"
    tables = {str(heading): rows for heading, rows in register_tables(2026)}
    assert tables["Văn bản đến, theo đơn vị chủ trì xử lý"] == [("Phòng Tổng hợp", 1)]


def test_a_document_is_routed_only_once_and_a_past_deadline_is_refused(client, db):
    incoming = IncomingDocumentFactory()
    unit = UnitFactory()
    client.force_login(UserFactory(role="approver"))
    url = f"/admin/correspondence/incoming/routing/{incoming.pk}/"
    data = {"instruction": "Xử lý.", "lead_unit": unit.pk, "deadline": "2020-01-01"}

    refused = client.post(url, data)

    assert refused.status_code == 400 and not Task.objects.exists()
    with time_machine.travel(TODAY, tick=False):
        Routing.route(
            incoming, instruction="Xử lý.", lead_unit=unit, deadline=TODAY, user=None
        )
    with pytest.raises(ValidationError, match="đã được chuyển xử lý"):
        Routing.route(
            incoming, instruction="Lần hai", lead_unit=unit, deadline=TODAY, user=None
        )
    assert Task.objects.count() == 1


def test_the_reply_document_is_recorded_by_its_symbol(client, clerk):
    incoming = IncomingDocumentFactory()
    routing = Routing.route(
        incoming,
        instruction="Trả lời.",
        lead_unit=UnitFactory(),
        deadline=date(2099, 1, 1),
        user=None,
    )
    reply = OutgoingDocumentFactory(access="restricted").release()
    url = f"/admin/correspondence/incoming/routing/{incoming.pk}/"

    unknown = client.post(url, {"symbol": "99-CV/VPTU"})
    recorded = client.post(url, {"symbol": "01/CV-VPTU"})

    assert "Không có văn bản đi nào" in unknown.content.decode()
    assert recorded.status_code == 302
    routing.refresh_from_db()
    assert routing.reply == reply
    assert ModelLogEntry.objects.filter(action=REPLY, object_id=incoming.pk).exists()


def test_staff_and_editors_cannot_route(client, db):
    incoming = IncomingDocumentFactory()
    client.force_login(UserFactory(role="editor"))

    response = client.get(f"/admin/correspondence/incoming/routing/{incoming.pk}/")

    assert response["Location"] == "/admin/"
