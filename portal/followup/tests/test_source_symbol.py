"""A task's source document is named only to those who may see it: unit
members follow the task even when its source is restricted to others."""

from datetime import date

import pytest
from django.core import mail
from django.urls import reverse
from guardian.shortcuts import assign_perm

from portal.documents.factories import DocumentFactory
from portal.followup.factories import TaskFactory, UnitFactory, member_of
from portal.followup.reminders import send_reminders

pytestmark = pytest.mark.django_db


@pytest.fixture
def task():
    secret = DocumentFactory(symbol="77-NQ/TW", access="restricted")
    return TaskFactory(
        source_document=secret, lead_unit=UnitFactory(), deadline=date(2026, 4, 2)
    )


def test_the_task_list_and_page_name_a_restricted_source_only_to_whom_it_is_shared(
    client, task
):
    outsider = member_of(task.lead_unit, email="")
    insider = member_of(task.lead_unit, email="")
    assign_perm("documents.view_document", insider, task.source_document)

    seen = {}
    for name, user in [("outsider", outsider), ("insider", insider)]:
        client.force_login(user)
        seen[name] = [
            "77-NQ/TW" in client.get(url).content.decode()
            for url in [
                reverse("followup:tasks"),
                reverse("followup:task", args=[task.pk]),
                reverse("followup:intranet"),
            ]
        ]

    assert seen == {"outsider": [False] * 3, "insider": [True] * 3}


def test_a_reminder_names_the_source_only_to_members_who_may_see_it(task):
    member_of(task.lead_unit, email="ngoai@example.vn")
    insider = member_of(task.lead_unit, email="trong@example.vn")
    assign_perm("documents.view_document", insider, task.source_document)

    send_reminders(date(2026, 4, 1), days=3)

    bodies = {message.to[0]: message.body for message in mail.outbox}
    assert "77-NQ/TW" not in bodies["ngoai@example.vn"]
    assert "77-NQ/TW" in bodies["trong@example.vn"]
