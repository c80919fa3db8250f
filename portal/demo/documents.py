"""Demo archive: documents of every type, some with attachments, relations and
restricted access, imported through the same importer as real archives."""

import json
import random
import tempfile
from datetime import date, timedelta
from pathlib import Path

from portal.documents.importing import DocumentImporter
from portal.documents.models import ArchivePage, IssuingBody
from portal.documents.types import DocumentType

ISSUERS = [
    ("Bộ Chính trị", "TW"),
    ("Ban Bí thư", "TW"),
    ("Văn phòng Trung ương Đảng", "VPTW"),
    ("Ban Thường vụ Thành ủy", "TU"),
    ("Văn phòng Thành ủy", "VPTU"),
    ("Ban Tuyên giáo Thành ủy", "BTGTU"),
    ("Ban Tổ chức Thành ủy", "BTCTU"),
]
TOPICS = [
    "phát triển Thủ đô Hà Nội đến năm 2030, tầm nhìn đến năm 2045",
    "tăng cường công tác xây dựng, chỉnh đốn Đảng và hệ thống chính trị",
    "đẩy mạnh chuyển đổi số trong các cơ quan Đảng",
    "nâng cao chất lượng công tác tham mưu, giúp việc của Văn phòng cấp ủy",
    "thực hiện quy chế làm việc của Ban Chấp hành Đảng bộ thành phố nhiệm kỳ 2020 - 2025",
    "công tác kiểm tra, giám sát và thi hành kỷ luật đảng",
    "tổ chức đại hội đảng bộ các cấp",
    "công tác bảo vệ chính trị nội bộ",
    "phát triển kinh tế tư nhân",
    "công tác phòng, chống tham nhũng, tiêu cực",
    "đổi mới công tác văn thư, lưu trữ của các cơ quan Đảng",
    "công tác dân vận trong tình hình mới",
    "bảo đảm an ninh mạng và bảo vệ bí mật nhà nước",
    "phát triển văn hóa, con người Thủ đô",
    "theo dõi, đôn đốc thực hiện các kết luận, thông báo của Ban Thường vụ",
]
FIELDS = [
    "Xây dựng Đảng",
    "Kinh tế",
    "Văn hóa - Xã hội",
    "Tổ chức cán bộ",
    "Kiểm tra, giám sát",
]
SIGNERS = [
    ("Nguyễn Văn Hùng", "Bí thư"),
    ("Trần Thị Lan", "Phó Bí thư Thường trực"),
    ("Lê Quang Minh", "Chánh Văn phòng"),
    ("Phạm Đức Thắng", "Trưởng ban"),
]
PARAGRAPHS = [
    "Thời gian qua, các cấp ủy, tổ chức đảng đã quán triệt và triển khai nghiêm túc "
    "các chủ trương của Trung ương và của Thành ủy, đạt nhiều kết quả quan trọng.",
    "Tuy nhiên, việc theo dõi, đôn đốc thực hiện một số nhiệm vụ còn chậm; sự phối "
    "hợp giữa các đơn vị có lúc chưa chặt chẽ.",
    "Các cấp ủy, tổ chức đảng, cơ quan, đơn vị căn cứ nội dung văn bản này xây dựng "
    "kế hoạch thực hiện, báo cáo kết quả về Văn phòng Thành ủy đúng thời hạn.",
    "Giao Văn phòng Thành ủy chủ trì, phối hợp với các ban đảng theo dõi, đôn đốc, "
    "kiểm tra việc thực hiện và định kỳ báo cáo Ban Thường vụ Thành ủy.",
]
# A document whose facts are public record, so searches for it are realistic.
RESOLUTION_15 = {
    "type": "Nghị quyết",
    "symbol": "15-NQ/TW",
    "issuer": "Bộ Chính trị",
    "issued_on": "2022-05-05",
    "effective_on": "2022-05-05",
    "title": "Về phương hướng, nhiệm vụ phát triển Thủ đô Hà Nội đến năm 2030, tầm nhìn đến năm 2045",
    "signer": "Nguyễn Phú Trọng",
    "signer_position": "Tổng Bí thư",
    "term": "XIII",
    "fields": ["Kinh tế", "Xây dựng Đảng"],
    "body": "\n\n".join(PARAGRAPHS),
}
# When each term began: the Central Committee's at its congresses (XIII in
# February 2021, XIV in January 2026), Hà Nội's committee at its own (XVII in
# October 2020, XVIII in October 2025).
CENTRAL_TERMS = [
    (date(2016, 1, 28), "XII"),
    (date(2021, 2, 1), "XIII"),
    (date(2026, 1, 23), "XIV"),
]
CITY_TERMS = [
    (date(2015, 10, 30), "XVI"),
    (date(2020, 10, 13), "XVII"),
    (date(2025, 10, 16), "XVIII"),
]
CENTRAL_ISSUERS = {"TW", "VPTW"}


def term_of(abbreviation, issued_on):
    """The term an issuer's document of that date belongs to."""
    terms = CENTRAL_TERMS if abbreviation in CENTRAL_ISSUERS else CITY_TERMS
    return [term for began, term in terms if began <= issued_on][-1]


def status_of(rng, issued_on, today):
    """A document is superseded in part or in whole only after some years."""
    age = (today - issued_on).days
    if age > 3 * 365:
        return rng.choice(["in_force"] * 3 + ["expired", "amended"])
    if age > 2 * 365:
        return rng.choice(["in_force"] * 4 + ["amended"])
    return "in_force"


PARTY_TYPES = [
    t
    for t in DocumentType
    if t not in (DocumentType.STATE_DECREE, DocumentType.STATE_LAW)
]
DOCUMENTS_PER_TYPE = 7


def demo_rows(files_dir, today=None):
    """The demo archive as import rows (deterministic, so reloading updates)."""
    rng = random.Random(2023)
    today = today or date.today()
    rows = [dict(RESOLUTION_15)]
    for type_index, document_type in enumerate(PARTY_TYPES):
        for n in range(1, DOCUMENTS_PER_TYPE + 1):
            issuer, abbreviation = ISSUERS[(type_index + n) % len(ISSUERS)]
            issued_on = today - timedelta(days=rng.randrange(20, 1500))
            signer, position = rng.choice(SIGNERS)
            topic = TOPICS[(type_index * 3 + n) % len(TOPICS)]
            row = {
                "type": document_type.value,
                "symbol": f"{n + 10 * type_index:02d}-{document_type.value}/{abbreviation}",
                "issuer": issuer,
                "issued_on": issued_on.isoformat(),
                # Party documents take effect when signed.
                "effective_on": issued_on.isoformat(),
                "title": f"Về {topic}",
                "signer": signer,
                "signer_position": position,
                "term": term_of(abbreviation, issued_on),
                "fields": rng.sample(FIELDS, 2),
                "body": "\n\n".join(rng.sample(PARAGRAPHS, 3)),
                "status": status_of(rng, issued_on, today),
            }
            if n == 6:
                row["access"] = "internal"
            if n == 7:
                row.update(
                    access="restricted", groups=["Người duyệt"], users=["vanthu"]
                )
            if n == 1:
                row["relations"] = [
                    {
                        "kind": "implements",
                        "symbol": "15-NQ/TW",
                        "issuer": "Bộ Chính trị",
                    }
                ]
            if n in (2, 3):
                row["attachments"] = [
                    _attachment(files_dir, row, "pdf" if n == 2 else "docx")
                ]
            rows.append(row)
    rows.append(
        {
            "type": "NĐ",
            "symbol": "30/2020/NĐ-CP",
            "issuer": "Chính phủ",
            "issued_on": "2020-03-05",
            "effective_on": "2020-03-05",
            "title": "Về công tác văn thư",
            "signer": "Nguyễn Xuân Phúc",
            "signer_position": "Thủ tướng Chính phủ",
            "fields": ["Văn thư, lưu trữ"],
            "body": "Nghị định này quy định về công tác văn thư và quản lý nhà nước về công tác văn thư.",
        }
    )
    return rows


def _attachment(files_dir, row, suffix):
    name = f"{row['symbol'].replace('/', '_')}.{suffix}"
    text = [f"{row['symbol']} — {row['title']}", *PARAGRAPHS]
    (_write_pdf if suffix == "pdf" else _write_docx)(files_dir / name, text)
    return name


def _write_docx(path, paragraphs):
    from docx import Document as DocxDocument

    document = DocxDocument()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    document.save(path)


def _write_pdf(path, paragraphs):
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    # Vietnamese needs a font with its letters; DejaVu ships with most Linuxes.
    font_path = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
    font = "Helvetica"
    if font_path.exists():
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(font_path)))
        font = "DejaVuSans"
    pdf = canvas.Canvas(str(path), pagesize=A4)
    pdf.setFont(font, 11)
    y = 800
    for paragraph in paragraphs:
        for start in range(0, len(paragraph), 90):
            pdf.drawString(50, y, paragraph[start : start + 90])
            y -= 16
        y -= 8
    pdf.save()


def load_archive(home):
    archive = ArchivePage.objects.first()
    if archive is None:
        archive = home.add_child(
            instance=ArchivePage(
                title="Kho văn bản",
                slug="van-ban",
                show_in_menus=True,
                intro="<p>Văn bản của Đảng và Nhà nước đã ban hành.</p>",
            )
        )
    with tempfile.TemporaryDirectory() as folder:
        files_dir = Path(folder)
        lines = [json.dumps(row, ensure_ascii=False) for row in demo_rows(files_dir)]
        report = DocumentImporter(files_dir=files_dir).import_lines(lines)
    if report.errors:
        raise RuntimeError(f"demo archive rows rejected: {report.errors}")
    return report


# What the print view's header shows above each body's name (Hướng dẫn 36-HD/VPTW).
SUPERIORS = {
    "Văn phòng Trung ương Đảng": ("Ban Chấp hành Trung ương", "TW"),
    "Văn phòng Thành ủy": ("Thành ủy Hà Nội", "TU"),
    "Ban Tuyên giáo Thành ủy": ("Thành ủy Hà Nội", "TU"),
    "Ban Tổ chức Thành ủy": ("Thành ủy Hà Nội", "TU"),
}


def describe_issuers():
    """Every demo body issues in Hà Nội; the offices and boards name their
    committee. A rerun changes nothing."""
    IssuingBody.objects.filter(name__in=[name for name, _ in ISSUERS]).update(
        place="Hà Nội"
    )
    for name, (superior, abbreviation) in SUPERIORS.items():
        above, _created = IssuingBody.objects.get_or_create(
            name=superior, defaults={"abbreviation": abbreviation, "place": "Hà Nội"}
        )
        IssuingBody.objects.filter(name=name).update(superior=above)
