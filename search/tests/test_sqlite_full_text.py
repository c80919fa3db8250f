"""The FTS5 tables of the embedded default on SQLite stay in step with their
table whatever writes it, and match words as the ``LIKE`` of other databases
does. The suite runs on PostgreSQL, so these use SQLite directly."""

import sqlite3

import pytest

from portal.core.text import typed_words, word_text
from search.backends.database.fts import create_statements, match_expression


@pytest.fixture
def database():
    connection = sqlite3.connect(":memory:")
    connection.execute(
        "CREATE TABLE item (id INTEGER PRIMARY KEY, search_text TEXT NOT NULL)"
    )
    connection.execute(
        "INSERT INTO item VALUES (1, ?)", [word_text("Về chuyển đổi số")]
    )
    for statement in create_statements("item", "id"):
        connection.execute(statement)
    yield connection
    connection.close()


def found(connection, query, operator="and"):
    rows = connection.execute(
        "SELECT rowid FROM item_fts WHERE item_fts MATCH ? ORDER BY rowid",
        [match_expression(typed_words(query), [], operator)],
    )
    return [pk for (pk,) in rows]


def test_rows_already_there_are_found_once_the_table_is_built(database):
    assert found(database, "chuyển đổi") == [1]


def test_inserted_updated_and_deleted_rows_are_followed(database):
    database.execute("INSERT INTO item VALUES (2, ?)", [word_text("Thủ đô Hà Nội")])
    assert found(database, "thu do") == [2]

    database.execute(
        "UPDATE item SET search_text = ? WHERE id = 2", [word_text("Cải cách")]
    )
    assert found(database, "thu do") == []
    assert found(database, "cai cach") == [2]

    database.execute("DELETE FROM item WHERE id = 2")
    assert found(database, "cai cach") == []


def test_a_word_without_diacritics_finds_every_spelling_one_with_them_only_itself(
    database,
):
    database.execute("INSERT INTO item VALUES (2, ?)", [word_text("Thanh tra")])
    database.execute("INSERT INTO item VALUES (3, ?)", [word_text("Thành phố")])

    assert found(database, "thanh") == [2, 3]
    assert found(database, "thành") == [3]
    assert found(database, "chuyển thành", operator="or") == [1, 3]


def test_a_phrase_needs_its_words_in_order(database):
    database.execute("INSERT INTO item VALUES (2, ?)", [word_text("số chuyển đổi")])

    assert [
        pk
        for (pk,) in database.execute(
            "SELECT rowid FROM item_fts WHERE item_fts MATCH ?",
            [match_expression([], ["chuyen doi so"], "and")],
        )
    ] == [1]
