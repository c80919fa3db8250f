"""Demo meetings: two of this week's schedule entries are meetings, one of them
an online conference with its bridge points; a document for the participants
only, answers to the invitation and a task from the conclusion."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from portal.followup.models import Unit
from portal.meetings.models import (
    AgendaItem,
    BridgePoint,
    ConclusionTask,
    Meeting,
    MeetingDocument,
    Response,
)
from portal.schedule.models import Event, week_start

CONFERENCE = "Hội nghị trực tuyến quán triệt Nghị quyết Trung ương"
STANDING_COMMITTEE = "Họp Ban Thường vụ Thành ủy"
BRIDGE_POINTS = [
    ("Hội trường Quận ủy Ba Đình", "Quận ủy Ba Đình", 120),
    ("Hội trường Quận ủy Hoàn Kiếm", "Quận ủy Hoàn Kiếm", 95),
    ("Hội trường Huyện ủy Đông Anh", "Huyện ủy Đông Anh", 150),
]
PDF = b"%PDF-1.4\n% tai lieu hop (demo)\n"


def load_meetings():
    """Idempotently; returns (meetings, online conferences) of this week."""
    monday = week_start(timezone.localdate())
    events = {
        event.title: event
        for event in Event.objects.in_week(monday).filter(
            title__in=[CONFERENCE, STANDING_COMMITTEE]
        )
    }
    users = get_user_model().objects.in_bulk(field_name="username")
    units = {unit.name: unit for unit in Unit.objects.all()}
    clerk = users["vanthu"]

    conference, created = Meeting.objects.get_or_create(
        event=events[CONFERENCE], defaults={"online": True, "organiser": clerk}
    )
    if created:
        for title, presenter in [
            ("Khai mạc hội nghị", "Đồng chí Bí thư Thành ủy"),
            ("Quán triệt Nghị quyết Trung ương", "Báo cáo viên Trung ương"),
            ("Triển khai kế hoạch thực hiện của Thành ủy", "Ban Tuyên giáo Thành ủy"),
        ]:
            AgendaItem.objects.create(
                meeting=conference, title=title, presenter=presenter
            )
        for place, unit, count in BRIDGE_POINTS:
            BridgePoint.objects.create(
                meeting=conference,
                place=place,
                host_unit=units[unit],
                participant_count=count,
            )
        conference.sync_participants()
        add_document(conference, "Đề cương tuyên truyền Nghị quyết", "internal", clerk)
        conference.conclusion = (
            "Giao Ban Tuyên giáo Thành ủy chủ trì xây dựng kế hoạch tuyên truyền, "
            "các quận ủy, huyện ủy tổ chức quán triệt đến chi bộ."
        )
        conference.save(update_fields=["conclusion"])
        ConclusionTask.assign(
            conference,
            assigned_by=clerk,
            content="Xây dựng kế hoạch tuyên truyền Nghị quyết Trung ương",
            lead_unit=units["Ban Tuyên giáo Thành ủy"],
            coordinating_units=[units["Quận ủy Ba Đình"], units["Quận ủy Hoàn Kiếm"]],
            deadline=timezone.localdate() + timedelta(days=30),
        )

    committee, created = Meeting.objects.get_or_create(
        event=events[STANDING_COMMITTEE], defaults={"organiser": clerk}
    )
    if created:
        for title, presenter in [
            ("Cho ý kiến về dự thảo Báo cáo chính trị", "Văn phòng Thành ủy"),
            ("Công tác cán bộ", "Ban Tổ chức Thành ủy"),
        ]:
            AgendaItem.objects.create(
                meeting=committee, title=title, presenter=presenter
            )
        committee.sync_participants()
        add_document(committee, "Dự thảo Báo cáo chính trị", "restricted", clerk)
        committee.attendances.filter(user=users["bientap"]).first().respond(
            Response.CONFIRMED
        )

    meetings = Meeting.objects.filter(event__in=Event.objects.in_week(monday))
    return meetings.count(), meetings.filter(online=True).count()


def add_document(meeting, title, access, by_user):
    document = MeetingDocument(title=title, access=access, uploaded_by=by_user)
    document.file.save("tai-lieu-hop.pdf", ContentFile(PDF), save=False)
    meeting.add_document(document, by_user=by_user)
