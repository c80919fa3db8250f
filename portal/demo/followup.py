"""Demo follow-up: units with the demo accounts as members, and tasks from the
archive's conclusions and notices in every state, dated relative to today."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from portal.demo.notices import SYMBOLS as NOTICE_SYMBOLS
from portal.documents.models import Document
from portal.documents.types import DocumentType
from portal.followup.models import (
    ExtensionRequest,
    Membership,
    ProgressReport,
    Recurrence,
    Task,
    Unit,
)

BOARDS = "Các cơ quan tham mưu, giúp việc Thành ủy"
DISTRICTS = "Các quận ủy, huyện ủy"
UNITS = [
    (BOARDS, "CQTM", None),
    ("Văn phòng Thành ủy", "VPTU", BOARDS),
    ("Ban Tổ chức Thành ủy", "BTCTU", BOARDS),
    ("Ban Tuyên giáo Thành ủy", "BTGTU", BOARDS),
    ("Ủy ban Kiểm tra Thành ủy", "UBKTTU", BOARDS),
    (DISTRICTS, "QHU", None),
    ("Quận ủy Ba Đình", "QUBĐ", DISTRICTS),
    ("Quận ủy Hoàn Kiếm", "QUHK", DISTRICTS),
    ("Huyện ủy Đông Anh", "HUĐA", DISTRICTS),
]
MEMBERS = [
    ("canbo", "Ban Tuyên giáo Thành ủy", Membership.Role.SPECIALIST),
    ("bientap", "Ban Tuyên giáo Thành ủy", Membership.Role.LEADER),
    ("duyet", "Văn phòng Thành ủy", Membership.Role.LEADER),
    ("vanthu", "Văn phòng Thành ủy", Membership.Role.SPECIALIST),
]
TASK_UNITS = [name for name, _abbr, parent in UNITS if parent]
CONTENTS = [
    "Xây dựng kế hoạch triển khai thực hiện",
    "Tổ chức quán triệt nội dung đến cán bộ, đảng viên",
    "Rà soát, đánh giá kết quả thực hiện và đề xuất giải pháp",
    "Tham mưu sửa đổi, bổ sung quy chế phối hợp",
    "Kiểm tra, giám sát việc thực hiện tại các tổ chức cơ sở đảng",
    "Tổng hợp tình hình, báo cáo Ban Thường vụ Thành ủy",
    "Đẩy mạnh tuyên truyền trên các phương tiện thông tin đại chúng",
    "Hoàn thiện đề án và trình Thường trực Thành ủy",
]
TASKS = 32
# (assigned, deadline) in days from today, then what happened to the task.
SCENARIOS = [
    {"dates": (-120, -30), "reports": [(-40, 100)], "completed": -35},
    {"dates": (-150, -60), "reports": [(-50, 100)], "completed": -45},
    {"dates": (-40, 45), "reports": [(-7, 40)]},
    {"dates": (-90, -10), "reports": [(-20, 60)]},
    {"dates": (-10, 2), "reports": []},
    {"dates": (-60, -5), "reports": []},
    {"dates": (-100, 20), "reports": [(-5, 50)], "recurrence": Recurrence.QUARTERLY},
    {"dates": (-50, 5), "reports": [(-3, 70)], "extension": 35},
]


def load_units():
    units = {}
    for name, abbreviation, parent in UNITS:
        units[name], _created = Unit.objects.get_or_create(
            name=name,
            defaults={"abbreviation": abbreviation, "parent": units.get(parent)},
        )
    users = get_user_model().objects.in_bulk(
        [username for username, _unit, _role in MEMBERS], field_name="username"
    )
    for username, unit, role in MEMBERS:
        Membership.objects.get_or_create(
            unit=units[unit], user=users[username], defaults={"role": role}
        )
    return units


def load_tasks(units, today=None):
    """Create the demo tasks that are not there yet."""
    today = today or timezone.localdate()
    clerk = get_user_model().objects.get(username="vanthu")
    documents = list(
        Document.objects.live()
        .filter(document_type__in=[DocumentType.CONCLUSION, DocumentType.NOTICE])
        .exclude(access="restricted")
        # The archive's own, not what later demo steps add to it (notices
        # turned into tasks, letters released from the register), so that a
        # second run picks the same documents and adds nothing.
        .exclude(symbol__in=NOTICE_SYMBOLS)
        .exclude(outgoing_entry__isnull=False)
        .order_by("document_type", "symbol")
    )
    for index in range(TASKS):
        document = documents[index % len(documents)]
        action = CONTENTS[(index + index // len(documents)) % len(CONTENTS)]
        content = f"{action} {document.title[0].lower()}{document.title[1:]}"
        if Task.objects.filter(source_document=document, content=content).exists():
            continue
        lead = units[TASK_UNITS[index % len(TASK_UNITS)]]
        partner = units[TASK_UNITS[(index + 3) % len(TASK_UNITS)]]
        with transaction.atomic():
            _load_task(
                SCENARIOS[index % len(SCENARIOS)],
                today,
                clerk,
                content=content,
                source_document=document,
                lead_unit=lead,
                coordinating_units=[partner],
                priority=index % 3,
            )


def _load_task(scenario, today, clerk, **fields):
    assigned, deadline = (today + timedelta(days=d) for d in scenario["dates"])
    task = Task.objects.assign(
        **fields,
        assigned_on=assigned,
        deadline=deadline,
        recurrence=scenario.get("recurrence", Recurrence.NONE),
        assigned_by=clerk,
    )
    reporter = _reporter(task.lead_unit, clerk)
    for days, percent in scenario["reports"]:
        ProgressReport(
            task=task,
            unit=task.lead_unit,
            text=f"Đã thực hiện được khoảng {percent}% khối lượng công việc.",
            percent=percent,
            reported_by=reporter,
            reported_on=today + timedelta(days=days),
        ).submit()
    if "extension" in scenario:
        ExtensionRequest(
            task=task,
            proposed_deadline=today + timedelta(days=scenario["extension"]),
            reason="Cần thêm thời gian để lấy ý kiến các đơn vị phối hợp.",
            requested_by=reporter,
        ).submit()
    if "completed" in scenario:
        task.close(
            today + timedelta(days=scenario["completed"]),
            "Đơn vị chủ trì hoàn thành nhiệm vụ, chất lượng đạt yêu cầu.",
            clerk,
        )


def _reporter(unit, fallback):
    membership = unit.memberships.select_related("user").first()
    return membership.user if membership else fallback
