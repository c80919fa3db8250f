"""Two conclusion notices of the city committee's standing board: the first is
turned into tasks as a clerk would after reviewing the proposed ones, the second
is left for trying "Propose the tasks from the document's text"."""

import json
from datetime import date, timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from portal.documents.importing import DocumentImporter
from portal.documents.models import Document
from portal.followup.drafting import draft_tasks, month_end
from portal.followup.models import Task, Unit

ISSUER = "Ban Thường vụ Thành ủy"
# Their own tasks only: the other demo tasks are spread over the rest.
SYMBOLS = ["190-TB/TU", "191-TB/TU"]


def quarter_end(day):
    return month_end(day.year, (day.month - 1) // 3 * 3 + 3)


def notice_rows(today):
    issued = today - timedelta(days=10)
    first = quarter_end(today + timedelta(days=95))
    quarter = (first.month - 1) // 3 + 1
    roman = ["I", "II", "III", "IV"][quarter - 1]
    soon = today + timedelta(days=45)
    year_end = date(today.year + 1, 12, 31)
    heading = f"Hà Nội, ngày {issued.day} tháng {issued.month} năm {issued.year}"
    drafted = f"""{heading}

Thường trực Thành ủy đã nghe Văn phòng Thành ủy báo cáo tiến độ chuyển đổi số trong các cơ quan Đảng. Thường trực Thành ủy kết luận như sau:

1. Ghi nhận sự chủ động của Văn phòng Thành ủy trong việc tham mưu triển khai chuyển đổi số.

2. Giao Văn phòng Thành ủy chủ trì, phối hợp với Ban Tổ chức Thành ủy hoàn thiện cơ sở dữ liệu đảng viên, kết nối với hệ thống thông tin điều hành, hoàn thành trước ngày {soon.day}/{soon.month}/{soon.year}.

3. Đề nghị BTGTU tăng cường tuyên truyền về chuyển đổi số trên các phương tiện thông tin đại chúng, báo cáo kết quả trong quý {roman}/{first.year}.

4. Giao Ủy ban Kiểm tra Thành ủy phối hợp với Văn phòng Thành ủy kiểm tra việc bảo đảm an toàn thông tin tại các tổ chức đảng, hằng quý báo cáo Thường trực Thành ủy.

5. Quận ủy Ba Đình, Quận ủy Hoàn Kiếm triển khai thí điểm hồ sơ điện tử trong sinh hoạt chi bộ, hoàn thành trong năm {year_end.year}.
"""
    pending = f"""{heading}

Thường trực Thành ủy kết luận như sau:

1. Giao Ban Tổ chức Thành ủy chủ trì, phối hợp với Văn phòng Thành ủy rà soát quy chế làm việc của các cơ quan tham mưu, giúp việc Thành ủy, hoàn thành trong quý {roman}/{first.year}.

2. Đề nghị Huyện ủy Đông Anh chỉ đạo sơ kết mô hình dân vận khéo, báo cáo trước ngày {soon.day}/{soon.month}/{soon.year}.
"""
    common = {
        "type": "TB",
        "issuer": ISSUER,
        "issued_on": issued.isoformat(),
        "effective_on": issued.isoformat(),
        "signer": "Nguyễn Văn Phong",
        "signer_position": "Phó Bí thư Thường trực Thành ủy",
        "term": "XVIII",
        "fields": ["Xây dựng Đảng"],
        "access": "internal",
    }
    return [
        {
            **common,
            "symbol": SYMBOLS[0],
            "title": "Kết luận của Thường trực Thành ủy về chuyển đổi số trong các cơ quan Đảng",
            "body": drafted,
        },
        {
            **common,
            "symbol": SYMBOLS[1],
            "title": "Kết luận của Thường trực Thành ủy về quy chế làm việc của các cơ quan tham mưu",
            "body": pending,
        },
    ]


def load_notices(today=None):
    """Import the notices, then assign the first one's tasks; returns how many."""
    today = today or timezone.localdate()
    rows = notice_rows(today)
    DocumentImporter().import_lines(
        [json.dumps(row, ensure_ascii=False) for row in rows]
    )
    notice = Document.objects.get(
        symbol=rows[0]["symbol"], issued_on=rows[0]["issued_on"]
    )
    if notice.followup_tasks.exists():
        return notice.followup_tasks.count()
    clerk = get_user_model().objects.get(username="vanthu")
    drafts = draft_tasks(notice.body, Unit.objects.all(), issued=notice.issued_on)
    for draft in drafts:
        Task.objects.assign(
            content=draft.content,
            lead_unit=draft.lead_unit,
            coordinating_units=draft.coordinating_units,
            # A recurring report's first one is due at the end of the quarter.
            deadline=draft.deadline or quarter_end(today),
            recurrence=draft.recurrence or "",
            source_document=notice,
            assigned_on=notice.issued_on,
            assigned_by=clerk,
        )
    return len(drafts)
