"""Demo schedule: the current week's events, public and internal, with the demo
accounts and units taking part (one pair double-booked, as offices find)."""

from datetime import time, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from portal.access.models import AccessLevel
from portal.schedule.models import Event, ParticipatingUnit, week_start

# (weekday, start, end, title, place, chair, people, units, preparing unit, access)
EVENTS = [
    (
        0,
        time(8, 0),
        time(9, 30),
        "Giao ban Thường trực Thành ủy",
        "Phòng họp số 1",
        "duyet",
        ["vanthu"],
        ["Văn phòng Thành ủy"],
        "Văn phòng Thành ủy",
        AccessLevel.INTERNAL,
    ),
    (
        0,
        time(14, 0),
        time(16, 30),
        "Hội nghị trực tuyến quán triệt Nghị quyết Trung ương",
        "Hội trường Thành ủy",
        "duyet",
        [],
        ["Ban Tuyên giáo Thành ủy", "Quận ủy Ba Đình", "Quận ủy Hoàn Kiếm"],
        "Ban Tuyên giáo Thành ủy",
        AccessLevel.PUBLIC,
    ),
    (
        1,
        time(8, 30),
        time(11, 0),
        "Làm việc với Ban Thường vụ Huyện ủy Đông Anh",
        "Trụ sở Huyện ủy Đông Anh",
        "duyet",
        ["canbo"],
        ["Huyện ủy Đông Anh"],
        "Văn phòng Thành ủy",
        AccessLevel.PUBLIC,
    ),
    (
        2,
        time(8, 0),
        time(11, 30),
        "Họp Ban Thường vụ Thành ủy",
        "Phòng họp số 1",
        "duyet",
        ["bientap"],
        ["Ban Tổ chức Thành ủy", "Ủy ban Kiểm tra Thành ủy"],
        "Văn phòng Thành ủy",
        AccessLevel.INTERNAL,
    ),
    (
        2,
        time(9, 0),
        time(10, 30),
        "Tiếp đoàn công tác Tỉnh ủy Lào Cai",
        "Nhà khách Thành ủy",
        "duyet",
        [],
        [],
        "Văn phòng Thành ủy",
        AccessLevel.PUBLIC,
    ),
    (
        3,
        time(14, 0),
        time(17, 0),
        "Hội nghị sơ kết công tác tuyên giáo 9 tháng đầu năm",
        "Hội trường Thành ủy",
        "bientap",
        ["canbo"],
        ["Ban Tuyên giáo Thành ủy"],
        "Ban Tuyên giáo Thành ủy",
        AccessLevel.PUBLIC,
    ),
    (
        4,
        time(8, 0),
        time(10, 0),
        "Kiểm tra công tác văn thư, lưu trữ tại Văn phòng",
        "Văn phòng Thành ủy",
        "vanthu",
        [],
        ["Văn phòng Thành ủy"],
        "Văn phòng Thành ủy",
        AccessLevel.INTERNAL,
    ),
]


def load_schedule():
    """The week of today, idempotently; returns how many events it holds."""
    monday = week_start(timezone.localdate())
    users = get_user_model().objects.in_bulk(field_name="username")
    units = {unit.name: unit for unit in ParticipatingUnit.objects.all()}
    for (
        day,
        start,
        end,
        title,
        place,
        chair,
        people,
        unit_names,
        preparing,
        access,
    ) in EVENTS:
        event, created = Event.objects.get_or_create(
            title=title,
            date=monday + timedelta(days=day),
            defaults={
                "start_time": start,
                "end_time": end,
                "place": place,
                "chair": users.get(chair),
                "preparing_unit": units.get(preparing),
                "access": access,
            },
        )
        if created:
            event.participants.set([users[name] for name in people if name in users])
            event.participant_units.set([units[name] for name in unit_names])
            event.save_revision().publish()
    return Event.objects.in_week(monday).count()
