import json

import pytest
from django.core.management import call_command
from docx import Document as DocxDocument

from portal.documents.importing import DocumentImporter
from portal.documents.models import Document, DocumentRelation, IssuingBody
from tests.factories import UserFactory

RESOLUTION = {
    "type": "Nghị quyết",
    "symbol": "15-NQ/TW",
    "issuer": "Bộ Chính trị",
    "issued_on": "2022-05-05",
    "title": "Về phương hướng, nhiệm vụ phát triển Thủ đô Hà Nội đến năm 2030",
    "signer": "Nguyễn Phú Trọng",
    "term": "XIII",
    "fields": ["Kinh tế", "Xây dựng Đảng"],
}


def jsonl(*rows):
    return [
        row if isinstance(row, str) else json.dumps(row, ensure_ascii=False)
        for row in rows
    ]


def test_valid_rows_are_saved_and_each_bad_row_is_reported_by_line(db):
    lines = jsonl(
        RESOLUTION,
        {**RESOLUTION, "symbol": "không phải ký hiệu"},
        "{not json",
        {**RESOLUTION, "symbol": "16-NQ/TW", "issued_on": "05/05/2022"},
        {**RESOLUTION, "symbol": "17-NQ/TW", "title": ""},
        {**RESOLUTION, "symbol": "18-NQ/TW", "type": "Thư tay"},
        {**RESOLUTION, "symbol": "19-NQ/TW", "access": "restricted"},
        {**RESOLUTION, "symbol": "20-NQ/TW", "status": "in_force"},
    )

    report = DocumentImporter().import_lines(lines)

    assert report.created == 2
    assert [line for line, _reason in report.errors] == [2, 3, 4, 5, 6, 7]
    reasons = dict(report.errors)
    assert "không phải số ký hiệu" in reasons[2]
    assert "2022-05-05" in reasons[4]
    assert "title" in reasons[5]
    assert "Thư tay" in reasons[6]
    assert "nhóm hoặc người dùng" in reasons[7]
    assert set(Document.objects.values_list("symbol", flat=True)) == {
        "15-NQ/TW",
        "20-NQ/TW",
    }


def test_reimporting_updates_in_place_without_duplicates(db):
    DocumentImporter().import_lines(jsonl(RESOLUTION))

    report = DocumentImporter().import_lines(
        jsonl({**RESOLUTION, "symbol": "15-nq/tw", "status": "amended"})
    )

    assert (report.created, report.updated) == (0, 1)
    document = Document.objects.get()
    assert document.status == "amended"
    assert list(document.subject_areas.values_list("name", flat=True)) == [
        "Kinh tế",
        "Xây dựng Đảng",
    ]


def test_an_unknown_issuer_is_created_and_a_known_abbreviation_is_recognised(db):
    IssuingBody.objects.create(name="Văn phòng Trung ương Đảng", abbreviation="VPTW")

    DocumentImporter().import_lines(
        jsonl(
            {**RESOLUTION, "issuer": "VPTW", "symbol": "36-HD/VPTW", "type": "HD"},
            {**RESOLUTION, "issuer": "Thành ủy Hà Nội", "symbol": "01-NQ/TU"},
        )
    )

    assert (
        Document.objects.get(symbol="36-HD/VPTW").issuer.name
        == "Văn phòng Trung ương Đảng"
    )
    created = IssuingBody.objects.get(name="Thành ủy Hà Nội")
    assert created.abbreviation == "TU"


def test_relations_may_point_further_down_the_file_and_missing_ones_are_reported(db):
    implementing = {
        **RESOLUTION,
        "type": "KH",
        "symbol": "09-KH/TU",
        "issuer": "Ban Thường vụ Thành ủy",
        "relations": [
            {"kind": "implements", "symbol": "15-NQ/TW", "issuer": "Bộ Chính trị"},
            {"kind": "amends", "symbol": "99-NQ/TW", "issuer": "Bộ Chính trị"},
        ],
    }

    report = DocumentImporter().import_lines(jsonl(implementing, RESOLUTION))

    relation = DocumentRelation.objects.get()
    assert (relation.source.symbol, relation.kind, relation.target.symbol) == (
        "09-KH/TU",
        "implements",
        "15-NQ/TW",
    )
    assert report.errors == [
        (1, "không tìm thấy văn bản liên quan 99-NQ/TW của Bộ Chính trị")
    ]


def test_attachment_text_is_extracted_and_searchable(db, tmp_path):
    docx = DocxDocument()
    docx.add_paragraph("Phụ lục: danh mục công trình trọng điểm của Thủ đô")
    docx.save(tmp_path / "phu-luc.docx")

    DocumentImporter(files_dir=tmp_path).import_lines(
        jsonl({**RESOLUTION, "attachments": ["phu-luc.docx"]})
    )

    document = Document.objects.get()
    assert "công trình trọng điểm" in document.attachments.get().extracted_text
    assert " cong trinh trong diem " in document.search_text


def test_a_missing_or_foreign_attachment_rejects_the_row(db, tmp_path):
    (tmp_path / "virus.exe").write_bytes(b"MZ")

    report = DocumentImporter(files_dir=tmp_path).import_lines(
        jsonl(
            {**RESOLUTION, "attachments": ["khong-co.pdf"]},
            {**RESOLUTION, "symbol": "16-NQ/TW", "attachments": ["virus.exe"]},
        )
    )

    assert [line for line, _reason in report.errors] == [1, 2]
    assert not Document.objects.exists()


def test_restricted_rows_are_shared_with_the_named_groups_and_users(db):
    clerk = UserFactory(username="vanthu")

    DocumentImporter().import_lines(
        jsonl(
            {
                **RESOLUTION,
                "access": "restricted",
                "groups": ["Người duyệt"],
                "users": ["vanthu"],
            }
        )
    )

    document = Document.objects.get()
    assert document.is_visible_to(clerk)
    assert not document.is_visible_to(UserFactory())
    assert len(document.principals()) == 2


def test_the_command_reports_counts_and_writes_the_rejected_lines(db, tmp_path, capsys):
    source = tmp_path / "van-ban.jsonl"
    source.write_text("\n".join(jsonl(RESOLUTION, {"type": "NQ"})), encoding="utf-8")
    report = tmp_path / "loi.txt"

    call_command("import_documents", str(source), report=str(report))

    output = capsys.readouterr()
    assert "created: 1, updated: 0, errors: 1" in output.out
    assert "line 2:" in output.err
    assert report.read_text(encoding="utf-8").startswith("line 2: thiếu")


@pytest.mark.parametrize("batch_size", [1, 500])
def test_batches_of_any_size_give_the_same_archive(db, batch_size):
    rows = [{**RESOLUTION, "symbol": f"{n}-NQ/TW"} for n in range(1, 6)]

    report = DocumentImporter(batch_size=batch_size).import_lines(jsonl(*rows))

    assert report.created == 5
    assert Document.objects.count() == 5
