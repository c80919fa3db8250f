"""Items that are not access-controlled themselves but are seen in the admin by
a scope of their own (meetings, readers' questions) keep that scope in the
site history too."""

from django.urls import reverse
from wagtail.log_actions import log

from portal.access.factories import UserFactory
from portal.followup.factories import MembershipFactory, UnitFactory
from portal.meetings.factories import MeetingFactory
from portal.questions.factories import QuestionFactory
from portal.schedule.factories import EventFactory

HISTORY = reverse("wagtailadmin_reports:site_history")


def history(client, user):
    client.force_login(user)
    page = client.get(HISTORY).content.decode()
    export = client.get(HISTORY, {"export": "csv"})
    return page + b"".join(export.streaming_content).decode()


def test_a_meeting_of_a_restricted_schedule_entry_stays_out_of_the_history(client, db):
    meeting = MeetingFactory(
        event=EventFactory(title="Họp nhân sự chủ chốt", access="restricted")
    )
    log(instance=meeting, action="wagtail.edit")

    assert "Họp nhân sự chủ chốt" not in history(client, UserFactory(role="approver"))
    assert "Họp nhân sự chủ chốt" in history(client, UserFactory(role="admin"))


def test_a_question_of_another_unit_stays_out_of_an_editors_history(client, db):
    theirs, mine = UnitFactory(), UnitFactory()
    question = QuestionFactory(title="Hỏi về chế độ chính sách", unit=theirs)
    log(instance=question, action="wagtail.edit")

    def editor_of(unit):
        return MembershipFactory(unit=unit, user=UserFactory(role="editor")).user

    assert "Hỏi về chế độ chính sách" not in history(client, editor_of(mine))
    assert "Hỏi về chế độ chính sách" in history(client, editor_of(theirs))
