"""Property: whatever bad rows a file mixes with good ones, the archive import
saves exactly the good ones and reports exactly the bad lines — on PostgreSQL,
where one failed statement would abort a whole transaction."""

import io
import json

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfWriter

from portal.core.text import normalize
from portal.documents.models import Document

GROUP = "Tổ soạn thảo"

titles = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40
).filter(lambda text: normalize(text).strip())
names = st.text(alphabet="abcdefghiklmnopqrstuvxyđơưăâêô ", min_size=1, max_size=20)
not_a_list = st.one_of(
    st.integers(),
    st.text(min_size=1, max_size=5),
    st.dictionaries(st.text(max_size=3), st.integers(), min_size=1, max_size=2),
)

good = st.fixed_dictionaries(
    {
        "kind": st.just("good"),
        "title": titles,
        "type": st.sampled_from(["Nghị quyết", "NQ"]),
        "term": st.text(alphabet="XIVL", max_size=16),
        "access": st.sampled_from(["public", "internal", "restricted"]),
        "fields": st.lists(names.filter(str.strip), max_size=2),
        "attachment": st.booleans(),
    }
)
bad = st.one_of(
    st.fixed_dictionaries({"kind": st.just("long_term"), "n": st.integers(17, 80)}),
    st.fixed_dictionaries(
        {"kind": st.just("nul"), "title": titles, "at": st.integers(0, 40)}
    ),
    st.fixed_dictionaries(
        {
            "kind": st.just("surrogate"),
            "char": st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),
            "key": st.sampled_from(["title", "signer", "issuer", "groups"]),
        }
    ),
    st.fixed_dictionaries(
        {
            "kind": st.just("bad_date"),
            "key": st.sampled_from(["issued_on", "effective_on"]),
            "value": st.sampled_from(
                ["2022-02-30", "05/05/2022", "2022-13-01", "ngày"]
            ),
        }
    ),
    # An effective date before the issue date (2022-05-05).
    st.fixed_dictionaries(
        {
            "kind": st.just("bad_date"),
            "key": st.just("effective_on"),
            "value": st.sampled_from(["2022-05-04", "2021-12-31"]),
        }
    ),
    st.fixed_dictionaries({"kind": st.just("unknown_group"), "name": names}),
    st.fixed_dictionaries(
        {
            "kind": st.just("mistyped"),
            "key": st.sampled_from(
                ["groups", "users", "attachments", "relations", "fields"]
            ),
            "value": not_a_list,
        }
    ),
    st.fixed_dictionaries(
        {
            "kind": st.just("bad_symbol"),
            "symbol": st.sampled_from(
                ["123456-NQ/TW", "15-CT/TW", "không phải ký hiệu", "1-NQ/" + "T" * 70]
            ),
        }
    ),
    st.fixed_dictionaries(
        {
            "kind": st.just("outside"),
            "how": st.sampled_from(["parent", "absolute", "link"]),
        }
    ),
    st.fixed_dictionaries({"kind": st.just("long_issuer"), "n": st.integers(256, 300)}),
    st.sampled_from(
        [
            {"kind": "not_utf8"},
            {"kind": "not_json", "text": "{"},
            {"kind": "not_json", "text": "[1, 2]"},
            {"kind": "bad_relation"},
        ]
    ),
)


def pdf_bytes():
    writer = PdfWriter()
    writer.add_blank_page(width=72, height=72)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.fixture
def files(tmp_path):
    """The --files folder with one attachment, and a secret file outside it that
    a link inside points to."""
    folder = tmp_path / "tep"
    folder.mkdir()
    (folder / "phu-luc.pdf").write_bytes(pdf_bytes())
    secret = tmp_path / "bi-mat.pdf"
    secret.write_bytes(pdf_bytes())
    (folder / "lien-ket.pdf").symlink_to(secret)
    return folder


def line_for(row, number, files):
    """The JSON line of a generated row; the row's symbol is number-NQ/TW."""
    data = {
        "type": "NQ",
        "symbol": f"{number}-NQ/TW",
        "issuer": "Bộ Chính trị",
        "issued_on": "2022-05-05",
        "title": "Về công tác văn thư",
    }
    kind = row["kind"]
    if kind == "good":
        data.update(
            title=row["title"],
            type=row["type"],
            term=row["term"],
            access=row["access"],
            fields=row["fields"],
        )
        if row["access"] == "restricted":
            data["groups"] = [GROUP]
        if row["attachment"]:
            data["attachments"] = ["phu-luc.pdf"]
    elif kind == "long_term":
        data["term"] = "X" * row["n"]
    elif kind == "nul":
        data["title"] = row["title"][: row["at"]] + "\x00" + row["title"][row["at"] :]
    elif kind == "surrogate":
        value = f"Nguyễn {row['char']}"
        data[row["key"]] = [value] if row["key"] == "groups" else value
        return json.dumps(data).encode()  # the surrogate as a JSON escape
    elif kind == "bad_date":
        data[row["key"]] = row["value"]
    elif kind == "unknown_group":
        data.update(access="restricted", groups=[f"Không có {row['name']}"])
    elif kind == "mistyped":
        data[row["key"]] = row["value"]
    elif kind == "bad_symbol":
        data["symbol"] = row["symbol"]
    elif kind == "outside":
        data["attachments"] = [
            {
                "parent": "../bi-mat.pdf",
                "absolute": str(files.parent / "bi-mat.pdf"),
                "link": "lien-ket.pdf",
            }[row["how"]]
        ]
    elif kind == "long_issuer":
        data["issuer"] = "C" * row["n"]
    elif kind == "not_utf8":
        return (
            json.dumps(data, ensure_ascii=False)
            .encode()
            .replace("Về".encode(), b"\xff")
        )
    elif kind == "not_json":
        return row["text"].encode()
    elif kind == "bad_relation":
        data["relations"] = [{"kind": "amends", "symbol": 15, "issuer": "TW"}]
    return json.dumps(data, ensure_ascii=False).encode()


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(rows=st.lists(st.one_of(good, bad), min_size=1, max_size=8))
def test_exactly_the_good_rows_are_saved_and_each_bad_line_reported(
    db, files, tmp_path, rows
):
    Document.objects.all().delete()
    Group.objects.get_or_create(name=GROUP)
    source, report = tmp_path / "van-ban.jsonl", tmp_path / "loi.txt"
    source.write_bytes(
        b"\n".join(
            line_for(row, number, files) for number, row in enumerate(rows, start=1)
        )
    )

    call_command("import_documents", str(source), files=str(files), report=str(report))

    expected = {
        f"{number}-NQ/TW"
        for number, row in enumerate(rows, start=1)
        if row["kind"] == "good"
    }
    bad_lines = [
        f"line {number}"
        for number, row in enumerate(rows, start=1)
        if row["kind"] != "good"
    ]
    assert set(Document.objects.values_list("symbol", flat=True)) == expected
    reported = report.read_text(encoding="utf-8").splitlines()
    assert [line.split(":")[0] for line in reported] == bad_lines
