import json

import pytest
from django.core.management import call_command
from docx import Document as DocxDocument

from portal.access.factories import UserFactory
from portal.documents.importing import DocumentImporter
from portal.documents.models import Document, DocumentRelation, IssuingBody

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
    assert "phải được chia sẻ" in reasons[7]
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
    (tmp_path / "quet.pdf").write_bytes(b"<svg><script>alert(1)</script></svg>")

    report = DocumentImporter(files_dir=tmp_path).import_lines(
        jsonl(
            {**RESOLUTION, "attachments": ["khong-co.pdf"]},
            {**RESOLUTION, "symbol": "16-NQ/TW", "attachments": ["virus.exe"]},
            {**RESOLUTION, "symbol": "17-NQ/TW", "attachments": ["quet.pdf"]},
        )
    )

    assert [line for line, _reason in report.errors] == [1, 2, 3]
    reasons = dict(report.errors)
    assert reasons[3].startswith("tệp đính kèm quet.pdf: ")
    assert "theo nội dung" in reasons[3]
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


def label(field):
    """A field's name as the report gives it, in Vietnamese."""
    return Document._meta.get_field(field).verbose_name


def test_rows_the_database_would_refuse_are_reported_and_the_rest_saved(db):
    good = [{**RESOLUTION, "symbol": f"{n}-NQ/TW"} for n in range(1, 21)]
    bad = [
        {**RESOLUTION, "symbol": "31-NQ/TW", "term": "X" * 17},
        {**RESOLUTION, "symbol": "32-NQ/TW", "title": "Nghị quyết\x00"},
        {**RESOLUTION, "symbol": "33-NQ/TW", "title": "Nghị quyết \ud800"},
        {**RESOLUTION, "symbol": "34-NQ/TW", "signer": "N" * 256},
        {**RESOLUTION, "symbol": "35-NQ/TW", "issuer": "C" * 256},
        {**RESOLUTION, "symbol": "36-NQ/TW", "fields": ["L" * 256]},
    ]

    report = DocumentImporter().import_lines(jsonl(*good[:10], *bad, *good[10:]))

    assert report.created == 20
    assert [line for line, _reason in report.errors] == list(range(11, 17))
    reasons = dict(report.errors)
    assert reasons[11].startswith(f"{label('term')}:")
    assert "NUL" in reasons[12]
    assert "NUL" in reasons[13]
    assert reasons[14].startswith(f"{label('signer')}:")
    assert reasons[15].startswith(f"{label('issuer')}:")
    assert Document.objects.count() == 20
    assert not IssuingBody.objects.filter(name="C" * 256).exists()


def test_mistyped_lists_are_reported_and_the_rest_saved(db):
    report = DocumentImporter().import_lines(
        jsonl(
            {**RESOLUTION, "symbol": "1-NQ/TW", "groups": "Người duyệt"},
            {**RESOLUTION, "symbol": "2-NQ/TW", "users": [1, 2]},
            {**RESOLUTION, "symbol": "3-NQ/TW", "attachments": "phu-luc.pdf"},
            {**RESOLUTION, "symbol": "4-NQ/TW", "relations": {"kind": "amends"}},
            {**RESOLUTION, "symbol": "5-NQ/TW", "relations": [{"kind": "amends"}]},
            {**RESOLUTION, "symbol": "6-NQ/TW", "fields": "Kinh tế"},
            {**RESOLUTION, "symbol": "7-NQ/TW", "title": ["Về", "Thủ đô"]},
            {**RESOLUTION, "symbol": "8-NQ/TW"},
            [RESOLUTION],
            "[" * 100_000,
            json.dumps({**RESOLUTION, "symbol": "11-NQ/TW"})[:-1]
            + ', "relations": [{"kind": '
            + "[" * 900
            + "]" * 900
            + "}]}",
        )
    )

    assert [line for line, _reason in report.errors] == [
        *[1, 2, 3, 4, 5, 6, 7],
        *[9, 10, 11],
    ]
    assert list(Document.objects.values_list("symbol", flat=True)) == ["8-NQ/TW"]


def test_the_models_own_rules_reject_a_row(db):
    report = DocumentImporter().import_lines(
        jsonl(
            {**RESOLUTION, "symbol": "15-CT/TW"},
            {**RESOLUTION, "effective_on": "2022-05-04"},
            {**RESOLUTION, "status": "còn hiệu lực"},
            {**RESOLUTION, "issued_on": "2022-02-30"},
        )
    )

    reasons = dict(report.errors)
    assert reasons[1].startswith(f"{label('symbol')}:")
    assert reasons[2].startswith(f"{label('effective_on')}:")
    assert reasons[3].startswith(f"{label('status')}:")
    assert "2022-02-30" in reasons[4]
    assert not Document.objects.exists()


def test_a_line_that_is_not_utf8_is_reported_and_the_rest_saved(db, tmp_path):
    source = tmp_path / "van-ban.jsonl"
    lines = jsonl(RESOLUTION, {**RESOLUTION, "symbol": "16-NQ/TW"})
    source.write_bytes(
        b"\xef\xbb\xbf"
        + lines[0].encode()
        + b'\n{"title": "\xff\xfe"}\n'
        + lines[1].encode()
    )

    report = DocumentImporter().import_file(source)

    assert report.errors == [(2, "dòng không phải văn bản UTF-8 hợp lệ")]
    assert report.created == 2


def test_attachments_are_read_only_from_inside_the_files_folder(db, tmp_path):
    files = tmp_path / "tep"
    files.mkdir()
    secret = tmp_path / "bi-mat.pdf"
    secret.write_bytes(b"%PDF-1.4 secret")
    (files / "lien-ket.pdf").symlink_to(secret)

    report = DocumentImporter(files_dir=files).import_lines(
        jsonl(
            {**RESOLUTION, "symbol": "1-NQ/TW", "attachments": ["../bi-mat.pdf"]},
            {**RESOLUTION, "symbol": "2-NQ/TW", "attachments": [str(secret)]},
            {**RESOLUTION, "symbol": "3-NQ/TW", "attachments": ["lien-ket.pdf"]},
            {**RESOLUTION, "symbol": "4-NQ/TW", "attachments": ["a\x00.pdf"]},
        )
    )

    assert [line for line, _reason in report.errors] == [1, 2, 3, 4]
    assert all("ngoài thư mục tệp" in reason for _line, reason in report.errors[:3])
    assert not Document.objects.exists()


class RefusingImporter(DocumentImporter):
    """Lets one row through that the database refuses (a term too long for its
    column), as a row the validation missed would be."""

    def parse(self, line, data):
        row = super().parse(line, data)
        if line == 2:
            row.values["term"] = "X" * 17
        return row


def test_a_batch_the_database_refuses_is_saved_again_row_by_row(db):
    rows = [{**RESOLUTION, "symbol": f"{n}-NQ/TW"} for n in range(1, 5)]

    report = RefusingImporter().import_lines(jsonl(*rows))

    assert report.created == 3
    assert [line for line, _reason in report.errors] == [2]
    assert sorted(Document.objects.values_list("symbol", flat=True)) == [
        "1-NQ/TW",
        "3-NQ/TW",
        "4-NQ/TW",
    ]
