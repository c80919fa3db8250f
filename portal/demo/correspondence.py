"""Demo registers for the current year: documents received from the bodies of
the demo archive, and the city office's own, most of them released."""

import tempfile
from datetime import date, timedelta
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone

from portal.correspondence.models import IncomingDocument, OutgoingDocument, Routing
from portal.demo.documents import _write_pdf, term_of
from portal.documents.models import IssuingBody
from portal.documents.types import DocumentType
from portal.followup.models import Unit

# sender, symbol, type, abstract, receiving unit, urgency, day of the year
INCOMING = [
    (
        "Văn phòng Trung ương Đảng",
        "36-HD/VPTW",
        "HD",
        "Hướng dẫn thể thức và kỹ thuật trình bày văn bản của Đảng",
        "Phòng Hành chính - Lưu trữ",
        "normal",
        6,
    ),
    (
        "Ban Bí thư",
        "25-CT/TW",
        "CT",
        "Về tăng cường công tác văn thư, lưu trữ trong các cơ quan Đảng",
        "Lãnh đạo Văn phòng",
        "urgent",
        12,
    ),
    (
        "Ban Tổ chức Thành ủy",
        "215-CV/BTCTU",
        "CV",
        "Về việc cử cán bộ dự lớp bồi dưỡng nghiệp vụ văn thư",
        "Phòng Tổng hợp",
        "normal",
        20,
    ),
    (
        "Ban Tuyên giáo Thành ủy",
        "48-KH/BTGTU",
        "KH",
        "Kế hoạch tuyên truyền kỷ niệm ngày thành lập Đảng",
        "Phòng Tổng hợp",
        "normal",
        25,
    ),
    (
        "Chính phủ",
        "30/2020/NĐ-CP",
        "NĐ",
        "Về công tác văn thư",
        "Phòng Hành chính - Lưu trữ",
        "normal",
        33,
    ),
    (
        "Ban Thường vụ Thành ủy",
        "112-TB/TU",
        "TB",
        "Kết luận của Ban Thường vụ về chuyển đổi số trong các cơ quan Đảng",
        "Lãnh đạo Văn phòng",
        "very_urgent",
        41,
    ),
    (
        "Văn phòng Trung ương Đảng",
        "213-KH/VPTW",
        "KH",
        "Kế hoạch kiểm tra công tác văn thư, lưu trữ năm nay",
        "Phòng Hành chính - Lưu trữ",
        "normal",
        55,
    ),
    (
        "Ban Tổ chức Thành ủy",
        "231-CV/BTCTU",
        "CV",
        "Về việc báo cáo số lượng cán bộ làm công tác văn thư",
        "Phòng Tổng hợp",
        "express",
        70,
    ),
]
# type, abstract, recipients, access, day of release (None: awaiting release)
OUTGOING = [
    (
        "CV",
        "Về việc báo cáo kết quả thực hiện nhiệm vụ quý I",
        "Các ban đảng Thành ủy\nCác quận ủy, huyện ủy\nLưu VPTU",
        "internal",
        15,
    ),
    (
        "TB",
        "Thông báo lịch làm việc của Thường trực Thành ủy",
        "Các đồng chí Ủy viên Ban Thường vụ\nLưu VPTU",
        "public",
        30,
    ),
    (
        "KH",
        "Kế hoạch số hóa tài liệu lưu trữ của Văn phòng Thành ủy",
        "Các phòng thuộc Văn phòng\nLưu VPTU",
        "public",
        45,
    ),
    (
        "CV",
        "Về việc góp ý dự thảo quy chế văn thư, lưu trữ",
        "Các ban đảng Thành ủy\nLưu VPTU",
        "internal",
        60,
    ),
    (
        "BC",
        "Báo cáo tình hình tiếp nhận, xử lý văn bản đến",
        "Thường trực Thành ủy\nLưu VPTU",
        "restricted",
        75,
    ),
    (
        "CV",
        "Về việc chuẩn bị nội dung hội nghị Ban Chấp hành",
        "Các ban đảng Thành ủy\nLưu VPTU",
        "internal",
        None,
    ),
]
# symbol, lead unit, days to handle it: routed by the demo leader
ROUTED = [
    ("25-CT/TW", "Văn phòng Thành ủy", 10),
    ("215-CV/BTCTU", "Ban Tổ chức Thành ủy", 5),
    ("48-KH/BTGTU", "Ban Tuyên giáo Thành ủy", 20),
]
OFFICE = ("Văn phòng Thành ủy", "VPTU")


def day_of(year, day, today):
    return min(date(year, 1, 1) + timedelta(days=day), today)


def route_some(today):
    """A few of this year's documents routed to the demo units, once."""
    leader = get_user_model().objects.get(username="duyet")
    for symbol, unit, days in ROUTED:
        incoming = IncomingDocument.objects.get(year=today.year, symbol=symbol)
        if not Routing.objects.filter(incoming=incoming).exists():
            Routing.route(
                incoming,
                instruction=f"Giao {unit} chủ trì tham mưu, xử lý.",
                lead_unit=Unit.objects.get(name=unit),
                deadline=today + timedelta(days=days),
                user=leader,
            )


def load_registers(today=None):
    """Fill both registers for this year once; returns how many entries each has."""
    today = today or timezone.localdate()
    clerk = get_user_model().objects.get(username="vanthu")
    with tempfile.TemporaryDirectory() as folder:
        scan = Path(folder) / "van-ban.pdf"
        _write_pdf(scan, ["Văn bản mẫu của cổng thông tin"])
        pdf = scan.read_bytes()
    for sender, symbol, kind, title, recipient, urgency, day in INCOMING:
        sender = IssuingBody.objects.get(name=sender)
        if IncomingDocument.objects.filter(
            year=today.year, sender=sender, symbol=symbol
        ).exists():
            continue
        received_on = day_of(today.year, day, today)
        IncomingDocument(
            received_on=received_on,
            sender=sender,
            symbol=symbol,
            dated=received_on - timedelta(days=3),
            document_type=kind,
            title=title,
            recipient=recipient,
            urgency=urgency,
            file=ContentFile(pdf, name=f"{symbol.replace('/', '_')}.pdf"),
        ).register(user=clerk)
    route_some(today)
    office, _ = IssuingBody.objects.get_or_create(
        name=OFFICE[0], defaults={"abbreviation": OFFICE[1]}
    )
    for kind, title, recipients, access, day in OUTGOING:
        if OutgoingDocument.objects.filter(
            issuer=office, title=title, created_at__year=today.year
        ).exists():
            continue
        entry = OutgoingDocument.objects.create(
            document_type=DocumentType(kind),
            issuer=office,
            term=term_of(OFFICE[1], today),
            title=title,
            signer="Lê Quang Minh",
            signer_position="Chánh Văn phòng",
            recipients=recipients,
            copies=recipients.count("\n") + 1,
            access=access,
            file=ContentFile(pdf, name="van-ban-di.pdf"),
        )
        if day is not None:
            entry.release(user=clerk, on=day_of(today.year, day, today))
    return (
        IncomingDocument.objects.filter(year=today.year).count(),
        OutgoingDocument.objects.filter(created_at__year=today.year).count(),
    )
