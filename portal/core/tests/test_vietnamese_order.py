import sqlite3
from types import SimpleNamespace

from portal.core.collation import VIETNAMESE, register_sqlite_collation
from portal.core.text import vietnamese_sort_key
from portal.documents.factories import IssuingBodyFactory
from portal.documents.models import IssuingBody
from portal.followup.factories import UnitFactory
from portal.followup.models import Unit

BODIES_IN_ORDER = [
    "Ban Tổ chức Thành ủy",
    "Ban Tuyên giáo Thành ủy",
    "Đảng ủy Khối Cơ quan",
    "Ủy ban Kiểm tra Thành ủy",
    "Văn phòng Thành ủy",
]
SHUFFLED = [BODIES_IN_ORDER[i] for i in (4, 3, 1, 0, 2)]


def test_letters_with_marks_follow_their_base_letter():
    assert sorted(SHUFFLED, key=vietnamese_sort_key) == BODIES_IN_ORDER
    assert sorted(
        ["Ân", "Ăn", "An", "Bé", "Dũng", "Đức", "Em"], key=vietnamese_sort_key
    ) == [
        "An",
        "Ăn",
        "Ân",
        "Bé",
        "Dũng",
        "Đức",
        "Em",
    ]
    assert sorted(["Ước", "Uyên", "Ông", "Ơn", "Oanh"], key=vietnamese_sort_key) == [
        "Oanh",
        "Ông",
        "Ơn",
        "Uyên",
        "Ước",
    ]


def test_tones_only_break_ties_in_dictionary_order():
    assert sorted(["Hạ", "Há", "Hà", "Ha", "Hã", "Hả"], key=vietnamese_sort_key) == [
        "Ha",
        "Hà",
        "Hả",
        "Hã",
        "Há",
        "Hạ",
    ]
    # the letters decide before any tone does
    assert sorted(["Hà Nội", "Ha Long"], key=vietnamese_sort_key) == [
        "Ha Long",
        "Hà Nội",
    ]


def test_case_and_decomposed_input_do_not_change_the_order():
    decomposed = "U\u031b\u0301c"  # "Ức" typed with combining marks
    assert vietnamese_sort_key(decomposed) == vietnamese_sort_key("Ức")
    assert sorted(["ban Tuyên giáo", "Ban Tổ chức"], key=vietnamese_sort_key) == [
        "Ban Tổ chức",
        "ban Tuyên giáo",
    ]


def test_units_and_issuing_bodies_are_listed_in_vietnamese_order(db):
    for name in SHUFFLED:
        UnitFactory(name=name)
        IssuingBodyFactory(name=name)

    assert [unit.name for unit in Unit.objects.all()] == BODIES_IN_ORDER
    assert [body.name for body in IssuingBody.objects.all()] == BODIES_IN_ORDER


def test_sqlite_sorts_with_the_same_collation():
    connection = sqlite3.connect(":memory:")
    register_sqlite_collation(
        None, connection=SimpleNamespace(vendor="sqlite", connection=connection)
    )
    connection.execute("CREATE TABLE body (name TEXT)")
    connection.executemany("INSERT INTO body VALUES (?)", [(n,) for n in SHUFFLED])

    rows = connection.execute(
        f'SELECT name FROM body ORDER BY name COLLATE "{VIETNAMESE}"'
    )

    assert [name for (name,) in rows] == BODIES_IN_ORDER
