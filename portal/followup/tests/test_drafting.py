"""Tasks drafted from the text of a conclusion notice."""

import json
from dataclasses import dataclass
from datetime import date
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from docx import Document as DocxDocument

from portal.followup.drafting import draft_tasks
from portal.followup.factories import UnitFactory
from tests.files import pdf_with_text


@dataclass(frozen=True)
class Unit:
    name: str
    abbreviation: str = ""


PROPAGANDA = Unit("Ban Tuyên giáo Thành ủy", "BTGTU")
ORGANISATION = Unit("Ban Tổ chức Thành ủy", "BTCTU")
OFFICE = Unit("Văn phòng Thành ủy", "VPTU")
GOVERNMENT = Unit("Đảng ủy Ủy ban nhân dân Thành phố")
INSPECTION = Unit("Ủy ban Kiểm tra Thành ủy")
UNITS = [PROPAGANDA, ORGANISATION, OFFICE, GOVERNMENT, INSPECTION]
ISSUED = date(2025, 3, 12)


def only_task(text):
    (task,) = draft_tasks(text, UNITS, issued=ISSUED)
    return task


@pytest.mark.parametrize(
    "wording",
    ["Ban Tuyên giáo Thành ủy", "Ban Tuyên giáo", "BTGTU", "ban tuyen giao thanh uy"],
)
def test_a_unit_is_recognised_by_its_name_short_form_or_abbreviation(wording):
    task = only_task(f"1. Giao {wording} xây dựng đề cương tuyên truyền.")

    assert task.lead_unit == PROPAGANDA
    assert task.content == "Xây dựng đề cương tuyên truyền"


def test_usual_abbreviations_inside_a_name_are_recognised():
    assert only_task("Đề nghị Đảng ủy UBND Thành phố bố trí kinh phí.").lead_unit == (
        GOVERNMENT
    )
    assert only_task("Giao UBKT Thành ủy thẩm định hồ sơ.").lead_unit == INSPECTION


def test_the_lead_unit_comes_first_and_its_partners_after_phoi_hop_voi():
    task = only_task(
        "2. Giao Văn phòng Thành ủy chủ trì, phối hợp với Ban Tổ chức Thành ủy và "
        "BTGTU hoàn thiện cơ sở dữ liệu đảng viên, hoàn thành trước ngày 30/6/2025."
    )

    assert task.lead_unit == OFFICE
    assert task.coordinating_units == [ORGANISATION, PROPAGANDA]
    assert task.content.startswith("Hoàn thiện cơ sở dữ liệu đảng viên")


def test_a_unit_named_later_as_a_recipient_is_not_a_partner():
    task = only_task(
        "4. Các quận ủy, huyện ủy rà soát hạ tầng, gửi báo cáo về Văn phòng Thành ủy."
    )

    assert task.lead_unit is None
    assert task.coordinating_units == []


@pytest.mark.parametrize(
    ("wording", "deadline"),
    [
        ("hoàn thành trước ngày 30/6/2025", date(2025, 6, 30)),
        ("hoàn thành trong tháng 6/2025", date(2025, 6, 30)),
        ("báo cáo kết quả trong quý III/2025", date(2025, 9, 30)),
        ("xong trước ngày 15 tháng 12 năm 2025", date(2025, 12, 15)),
        ("hoàn thành trong năm 2026", date(2026, 12, 31)),
        ("chậm nhất ngày 20/2", date(2026, 2, 20)),  # already past in 2025
        ("trình trước ngày 30/2/2025", None),  # not a day
    ],
)
def test_the_deadline_is_read_from_the_wording(wording, deadline):
    assert (
        only_task(
            f"1. Giao Ban Tổ chức Thành ủy rà soát quy hoạch, {wording}."
        ).deadline
        == deadline
    )


@pytest.mark.parametrize(
    ("wording", "recurrence"),
    [
        ("định kỳ hằng quý báo cáo", "quarterly"),
        ("hàng tháng báo cáo", "monthly"),
        ("hằng năm báo cáo", "yearly"),
        ("định kỳ 6 tháng báo cáo", None),
    ],
)
def test_a_recurring_report_is_read_as_a_recurrence(wording, recurrence):
    task = only_task(f"3. Giao Văn phòng Thành ủy theo dõi, đôn đốc, {wording}.")

    assert task.recurrence == recurrence
    assert task.deadline is None


def test_only_directives_become_tasks():
    text = """Thường trực Thành ủy đã nghe Văn phòng Thành ủy báo cáo. Thường trực Thành ủy kết luận:

1. Ghi nhận sự chủ động của Văn phòng Thành ủy.
2. Thống nhất với Tờ trình của Ban Tổ chức Thành ủy.
3. Giao Ban Tổ chức Thành ủy hướng dẫn công tác nhân sự trước ngày 5/9/2025; giao Ủy ban Kiểm tra Thành ủy xem xét đơn thư trong quý III/2025.

Giao Văn phòng Thành ủy theo dõi việc thực hiện Thông báo này.

Nơi nhận:
- Ban Tổ chức Thành ủy,
- Lưu Văn phòng Thành ủy.
"""
    tasks = draft_tasks(text, UNITS, issued=ISSUED)

    assert [(t.lead_unit, t.deadline) for t in tasks] == [
        (ORGANISATION, date(2025, 9, 5)),
        (INSPECTION, date(2025, 9, 30)),
        (OFFICE, None),
    ]


def test_a_short_form_shared_by_two_units_names_neither():
    units = [Unit("Ban Tuyên giáo Thành ủy"), Unit("Ban Tuyên giáo Tỉnh ủy")]

    (task,) = draft_tasks("1. Giao Ban Tuyên giáo in tài liệu.", units, issued=ISSUED)

    assert task.lead_unit is None


def test_the_notice_date_gives_the_year_of_a_deadline_without_one():
    text = "Hà Nội, ngày 12 tháng 3 năm 2025\n\n1. Giao Văn phòng Thành ủy in tài liệu trước ngày 30/9."

    (task,) = draft_tasks(text, UNITS)

    assert task.deadline == date(2025, 9, 30)


def test_the_corpus_of_notices_meets_the_targets():
    from bench.task_drafting import corpus, rates, score

    notices, units = corpus()
    measured = rates(score(notices, units)[0])

    assert len(notices) >= 30
    assert measured["task precision"] >= 0.9
    assert measured["task recall"] >= 0.9
    assert measured["lead unit right"] >= 0.95
    assert measured["deadline right"] >= 0.95


NOTICE = (
    "Hà Nội, ngày 12 tháng 3 năm 2025\n"
    "1. Giao Văn phòng Thành ủy chủ trì, phối hợp với Ban Tổ chức Thành ủy hoàn "
    "thiện cơ sở dữ liệu đảng viên, hoàn thành trước ngày 30/6/2025.\n"
    "2. Đề nghị BTGTU tuyên truyền về chuyển đổi số, hằng quý báo cáo."
)
EXPECTED = [
    {
        "content": "Hoàn thiện cơ sở dữ liệu đảng viên, hoàn thành trước ngày 30/6/2025",
        "lead_unit": "Văn phòng Thành ủy",
        "coordinating_units": ["Ban Tổ chức Thành ủy"],
        "deadline": "2025-06-30",
        "recurrence": None,
    },
    {
        "content": "Tuyên truyền về chuyển đổi số, hằng quý báo cáo",
        "lead_unit": "Ban Tuyên giáo Thành ủy",
        "coordinating_units": [],
        "deadline": None,
        "recurrence": "quarterly",
    },
]


@pytest.fixture
def units_tree(db):
    for unit in [OFFICE, ORGANISATION, PROPAGANDA]:
        UnitFactory(name=unit.name, abbreviation=unit.abbreviation)


def drafted_json(path):
    out = StringIO()
    call_command("draft_tasks", str(path), "--json", stdout=out)
    return json.loads(out.getvalue())


def test_the_command_drafts_tasks_from_a_text_file(units_tree, tmp_path):
    path = tmp_path / "05-TB.txt"
    path.write_text(NOTICE, encoding="utf-8")

    assert drafted_json(path) == EXPECTED


def test_the_command_drafts_tasks_from_a_docx_file(units_tree, tmp_path):
    document = DocxDocument()
    for line in NOTICE.splitlines():
        document.add_paragraph(line)
    path = tmp_path / "05-TB.docx"
    document.save(path)

    assert drafted_json(path) == EXPECTED


def test_the_command_drafts_tasks_from_a_pdf_file(units_tree, tmp_path):
    path = tmp_path / "05-TB.pdf"
    path.write_bytes(
        pdf_with_text("Giao VPTU in tai lieu hoi nghi, truoc ngay 30/6/2025.")
    )

    (task,) = drafted_json(path)

    assert task["lead_unit"] == "Văn phòng Thành ủy"
    assert task["deadline"] == "2025-06-30"


def test_the_command_lists_the_tasks_for_a_reader(units_tree, tmp_path):
    path = tmp_path / "05-TB.txt"
    path.write_text(NOTICE, encoding="utf-8")
    out = StringIO()

    call_command("draft_tasks", str(path), stdout=out)

    lines = out.getvalue().splitlines()
    assert lines[0].startswith("1. Hoàn thiện cơ sở dữ liệu đảng viên")
    assert "   Đơn vị chủ trì: Văn phòng Thành ủy" in lines
    assert "   Hạn xử lý: 30/06/2025" in lines
    assert lines[-1] == "tasks proposed: 2"


def test_the_command_refuses_a_file_that_is_not_text(units_tree, tmp_path):
    path = tmp_path / "scan.bin"
    path.write_bytes(b"\xff\xfe\x00binary")

    with pytest.raises(CommandError, match="UTF-8"):
        call_command("draft_tasks", str(path))


def test_sections_that_state_aims_or_assess_assign_nothing():
    text = """I. MỤC ĐÍCH, YÊU CẦU
1. Quán triệt sâu sắc nội dung Chỉ thị đến cán bộ, đảng viên.
II. HẠN CHẾ, KHUYẾT ĐIỂM
Việc sinh hoạt chi bộ chưa nền nếp.
III. YÊU CẦU
1. Văn phòng Thành ủy rà soát quy chế làm việc trước ngày 30/6/2025.
"""
    (task,) = draft_tasks(text, UNITS, issued=ISSUED)

    assert (task.lead_unit, task.deadline) == (OFFICE, date(2025, 6, 30))


def test_a_lead_in_names_who_leads_the_items_below_it():
    text = """3. Đề nghị
Ủy ban Kiểm tra Thành ủy đề nghị Ban Tổ chức Thành ủy:
a) Rà soát quy chế làm việc, xong trước 31/3.
b) Báo cáo kết quả về Ủy ban Kiểm tra Thành ủy trước ngày 30/4/2025.
"""
    tasks = draft_tasks(text, UNITS, issued=ISSUED)

    assert [(t.lead_unit, t.deadline) for t in tasks] == [
        (ORGANISATION, date(2025, 3, 31)),
        (ORGANISATION, date(2025, 4, 30)),
    ]


def test_a_standing_board_acts_for_its_committee():
    task = only_task("1. Ban Thường vụ Văn phòng Thành ủy tổ chức kiểm điểm.")

    assert task.lead_unit == OFFICE


def test_a_plain_sentence_that_mentions_chu_tri_in_passing_is_no_task():
    text = (
        "Ngày 22/4/2025, đồng chí Bí thư chủ trì buổi làm việc với Văn phòng Thành ủy. "
        "Ban Tổ chức Thành ủy chủ trì tổng kết công tác cán bộ."
    )

    (task,) = draft_tasks(text, UNITS, issued=ISSUED)

    assert task.lead_unit == ORGANISATION
