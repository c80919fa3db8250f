"""The office sees which drafts wait where, and for how long; nobody else
sees a draft they have no part in."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from portal.access.factories import UserFactory
from portal.drafting.dashboard import waiting_drafts
from portal.drafting.factories import make_draft
from portal.drafting.models import ApprovalStep, Draft
from portal.followup.factories import UnitFactory, member_of

pytestmark = pytest.mark.django_db


def waiting_at(holder, hours, title):
    """A draft submitted to ``holder``, waiting there for ``hours``."""
    draft = make_draft(title=title)
    draft.submit(draft.created_by, [(holder, "Chánh Văn phòng")])
    ApprovalStep.objects.filter(draft=draft).update(
        reached_at=timezone.now() - timedelta(hours=hours)
    )
    return draft


def test_the_admin_dashboard_lists_waiting_drafts_longest_first_with_how_long(client):
    chief = UserFactory(role="approver", first_name="Minh", last_name="Lê Quang")
    recent = waiting_at(chief, 3, "Về việc chuẩn bị hội nghị")
    old = waiting_at(chief, 50, "Về việc báo cáo quý")
    make_draft(title="Chưa trình")  # not waiting anywhere
    client.force_login(UserFactory(role="clerk"))

    page = client.get(reverse("wagtailadmin_home")).content.decode()

    assert page.index(old.title) < page.index(recent.title)
    assert "Chưa trình" not in page
    assert "Lê Quang Minh, Chánh Văn phòng" in page
    assert "2\xa0ngày" in page and "3\xa0giờ" in page


def test_a_signed_draft_waits_for_the_clerk():
    chief = UserFactory(role="approver")
    draft = waiting_at(chief, 1, "Về việc phát hành")
    step = draft.current_step()
    step.finish(ApprovalStep.Outcome.SIGNED)
    Draft.objects.filter(pk=draft.pk).update(status=Draft.Status.SIGNED)

    rows = waiting_drafts(UserFactory(role="clerk"))

    assert [(row.draft, row.since) for row in rows] == [(draft, step.done_at)]
    assert "Văn thư" in rows[0].step


def test_only_the_people_involved_and_the_office_see_a_draft():
    unit = UnitFactory()
    author, colleague = member_of(unit), member_of(unit)
    head, signer = UserFactory(role="staff"), UserFactory(role="staff")
    draft = make_draft(unit=unit, author=author)
    draft.submit(author, [(head, ""), (signer, "")])

    def sees(user):
        return Draft.objects.visible_to(user).filter(pk=draft.pk).exists()

    involved = [author, colleague, head, signer]
    office = [UserFactory(role=role) for role in ("approver", "clerk", "admin")]
    others = [UserFactory(role=role) for role in ("staff", "editor")]
    assert [sees(user) for user in involved + office] == [True] * 7
    assert [sees(user) for user in others] == [False, False]


def test_the_intranet_lists_what_waits_for_the_user_and_marks_it_read_when_opened(
    client,
):
    head = UserFactory(role="staff")
    draft = waiting_at(head, 1, "Về việc góp ý dự thảo quy chế")
    client.force_login(head)

    listing = client.get(reverse("drafting:list"))
    assert list(listing.context["waiting"]) == [draft]
    assert len(listing.context["notifications"]) == 1

    client.get(reverse("drafting:draft", args=[draft.pk]))
    assert not client.get(reverse("drafting:list")).context["notifications"]


def test_the_office_sees_the_same_waiting_times_in_the_intranet(client):
    chief = UserFactory(role="approver")
    draft = waiting_at(chief, 26, "Về việc tổng kết năm")

    client.force_login(UserFactory(role="clerk"))
    office = client.get(reverse("drafting:list")).content.decode()
    client.force_login(UserFactory(role="staff"))
    staff = client.get(reverse("drafting:list")).content.decode()

    assert draft.title in office and "1\xa0ngày" in office
    assert draft.title not in staff
