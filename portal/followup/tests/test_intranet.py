from datetime import date

import time_machine
from django.urls import reverse

from portal.documents.factories import DocumentFactory
from portal.followup.factories import TaskFactory, UnitFactory, member_of
from portal.followup.models import Notification, Task


def test_anonymous_visitors_of_the_intranet_go_to_the_login_page(client, db):
    response = client.get("/noi-bo/")

    assert response.status_code == 302
    assert response.url == "/login/?next=/noi-bo/"


@time_machine.travel(date(2026, 4, 15))
def test_the_intranet_lists_my_units_tasks_by_urgency_and_my_notifications(client, db):
    unit = UnitFactory()
    member = member_of(unit)
    later = TaskFactory(
        lead_unit=unit, content="Việc còn hạn", deadline=date(2026, 6, 1)
    )
    overdue = TaskFactory(
        lead_unit=unit, content="Việc quá hạn", deadline=date(2026, 4, 1)
    )
    TaskFactory(content="Việc của đơn vị khác")
    Notification.objects.notify(later, Notification.Kind.ASSIGNED)
    client.force_login(member)

    response = client.get(reverse("followup:intranet"))

    content = response.content.decode()
    assert list(response.context["tasks"]) == [overdue, later]
    assert "Việc của đơn vị khác" not in content
    assert response.context["unread"] == 1
    assert 'class="badge"' in content


def test_opening_a_notification_marks_it_read(client, db):
    unit = UnitFactory()
    member = member_of(unit)
    task = TaskFactory(lead_unit=unit)
    notification = Notification.objects.notify(task, Notification.Kind.ASSIGNED)[0]
    client.force_login(member)

    response = client.post(reverse("followup:notification", args=[notification.pk]))

    assert response.url == reverse("followup:task", args=[task.pk])
    assert Notification.objects.unread().count() == 0


def test_the_intranet_shows_the_latest_internal_documents_only(client, db):
    DocumentFactory(title="Văn bản nội bộ", access="internal")
    DocumentFactory(title="Văn bản công khai")
    client.force_login(member_of(UnitFactory()))

    response = client.get(reverse("followup:intranet"))

    assert [d.title for d in response.context["documents"]] == ["Văn bản nội bộ"]


def test_the_document_page_shows_its_tasks_progress_to_those_who_may_see_them(
    client, archive_page
):
    unit = UnitFactory()
    task = TaskFactory(lead_unit=unit, content="Quán triệt kết luận")
    TaskFactory(source_document=task.source_document, content="Việc của quận")
    url = task.source_document.get_absolute_url()

    anonymous = client.get(url).content.decode()
    client.force_login(member_of(unit))
    member = client.get(url).content.decode()

    assert "Quán triệt kết luận" not in anonymous
    assert "Quán triệt kết luận" in member
    assert "Việc của quận" not in member
    assert Task.objects.count() == 2
