"""Property: whatever bad rows a register file mixes with good ones, the import
registers exactly the good ones and reports exactly the bad lines — on
PostgreSQL, where one failed statement would abort a whole transaction."""

import csv
import io
from datetime import date

from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from portal.correspondence.models import IncomingDocument
from portal.documents.factories import IssuingBodyFactory

HEADINGS = [
    "received_on",
    "number",
    "sender",
    "symbol",
    "dated",
    "type",
    "title",
    "recipient",
]

# One line per row: no line breaks inside a cell.
titles = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")),
    min_size=1,
    max_size=40,
).filter(str.strip)

good = st.fixed_dictionaries(
    {
        "kind": st.just("good"),
        "title": titles,
        "type": st.sampled_from(["CV", "Công văn", "HD", "Hướng dẫn"]),
        "date_format": st.sampled_from(["%Y-%m-%d", "%d/%m/%Y"]),
    }
)
bad = st.one_of(
    st.fixed_dictionaries(
        {
            "kind": st.just("bad_number"),
            "number": st.one_of(
                st.integers(max_value=0),
                st.integers(min_value=2**31),
                st.sampled_from(["mười", "1,5", "1e3"]),
            ).map(str),
        }
    ),
    st.fixed_dictionaries(
        {"kind": st.just("huge_cell"), "n": st.integers(131_073, 205_000)}
    ),
    st.fixed_dictionaries(
        {"kind": st.just("nul"), "title": titles, "at": st.integers(0, 40)}
    ),
    st.fixed_dictionaries(
        {
            "kind": st.just("long_field"),
            "column": st.sampled_from(["symbol", "recipient"]),
            "n": st.integers(256, 400),
        }
    ),
    st.fixed_dictionaries(
        {
            "kind": st.just("bad_value"),
            "column": st.sampled_from(["received_on", "dated", "sender", "type"]),
            "value": st.sampled_from(["31/02/2026", "hôm qua", "Không rõ"]),
        }
    ),
    st.sampled_from(
        [
            {"kind": "not_utf8"},
            {"kind": "dated_after_arrival"},
            {"kind": "missing_title"},
            {"kind": "taken_number"},
        ]
    ),
)


def cells_for(row, index):
    """The cells of a generated row; a good one is registered as number 100 + index."""
    cells = {
        "received_on": "2026-01-05",
        "number": str(100 + index),
        "sender": "VPTW",
        "symbol": f"{index}-HD/VPTW",
        "dated": "2026-01-03",
        "type": "HD",
        "title": "Về công tác văn thư",
        "recipient": "Phòng Tổng hợp",
    }
    kind = row["kind"]
    if kind == "good":
        cells.update(title=row["title"], type=row["type"], dated="2026-01-03")
        if row["date_format"] != "%Y-%m-%d":
            cells.update(received_on="05/01/2026", dated="03/01/2026")
    elif kind == "bad_number":
        cells["number"] = row["number"]
    elif kind == "huge_cell":
        cells["title"] = "T" * row["n"]
    elif kind == "nul":
        cells["title"] = row["title"][: row["at"]] + "\x00" + row["title"][row["at"] :]
    elif kind == "long_field":
        cells[row["column"]] = "R" * row["n"]
    elif kind == "bad_value":
        cells[row["column"]] = row["value"]
    elif kind == "dated_after_arrival":
        cells["dated"] = "2026-01-06"
    elif kind == "missing_title":
        cells["title"] = " "
    elif kind == "taken_number":
        cells["number"] = "1"  # the entry registered before the import
    return [cells[heading] for heading in HEADINGS]


def write_csv(path, rows):
    lines = [",".join(HEADINGS).encode() + b"\r\n"]
    for index, row in enumerate(rows, start=1):
        buffer = io.StringIO()
        csv.writer(buffer).writerow(cells_for(row, index))
        line = buffer.getvalue().encode()
        if row["kind"] == "not_utf8":
            line = line.replace("Về".encode(), b"\xc3\x28")
        lines.append(line)
    path.write_bytes("\ufeff".encode() + b"".join(lines))


def write_xlsx(path, rows):
    workbook = Workbook()
    workbook.active.append(HEADINGS)
    for index, row in enumerate(rows, start=1):
        workbook.active.append(cells_for(row, index))
    workbook.save(path)


def check_import(path, rows):
    """Import the register of the generated rows from ``path``, after one entry
    registered beforehand as number 1, and compare with what was generated."""
    IncomingDocument.objects.all().delete()
    sender = IssuingBodyFactory(name="Văn phòng Trung ương Đảng", abbreviation="VPTW")
    IncomingDocument(
        received_on=date(2026, 1, 2),
        sender=sender,
        symbol="0-HD/VPTW",
        dated=date(2026, 1, 2),
        document_type="HD",
        title="Đã có trong sổ",
    ).register(number=1)
    (write_xlsx if path.suffix == ".xlsx" else write_csv)(path, rows)
    report = path.with_suffix(".txt")

    call_command("import_register", str(path), register="incoming", report=str(report))

    expected = {
        100 + index for index, row in enumerate(rows, start=1) if row["kind"] == "good"
    }
    bad_lines = [
        f"line {index + 1}"
        for index, row in enumerate(rows, start=1)
        if row["kind"] != "good"
    ]
    assert set(IncomingDocument.objects.values_list("number", flat=True)) == {
        1,
        *expected,
    }
    reported = report.read_text(encoding="utf-8").splitlines()
    assert [line.split(":")[0] for line in reported] == bad_lines


examples = settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@examples
@given(rows=st.lists(st.one_of(good, bad), min_size=1, max_size=8))
def test_exactly_the_good_rows_of_a_csv_are_registered_and_each_bad_line_reported(
    db, tmp_path, rows
):
    check_import(tmp_path / "so-den.csv", rows)


# A workbook holds neither bytes that are not UTF-8 nor NUL characters, and a
# cell of at most 32,767 characters (longer ones are cut on reading, as in Excel).
bad_in_a_workbook = bad.filter(
    lambda row: row["kind"] not in ("not_utf8", "nul", "huge_cell")
)


@examples
@given(rows=st.lists(st.one_of(good, bad_in_a_workbook), min_size=1, max_size=8))
def test_exactly_the_good_rows_of_a_workbook_are_registered_and_each_bad_line_reported(
    db, tmp_path, rows
):
    check_import(tmp_path / "so-den.xlsx", rows)
