"""A word typed with diacritics matches only itself; one typed without them
matches every word that folds to it. Run on both backends."""

import pytest

from portal.documents.factories import DocumentFactory
from portal.news.factories import make_article, make_section


@pytest.fixture
def digital(db):
    DocumentFactory(symbol="1-NQ/TW", title="Đẩy mạnh chuyển đổi số trong cơ quan Đảng")
    # Folds to "theo doi chuyen de co so": every word of "chuyen doi so".
    DocumentFactory(symbol="2-NQ/TW", title="Theo dõi chuyên đề về cơ sở")


def test_words_with_diacritics_leave_out_words_that_only_share_the_letters(
    searcher, digital
):
    assert searcher.symbols("Chuyển đổi số") == ["1-NQ/TW"]
    assert searcher.symbols("CHUYỂN ĐỔI SỐ") == ["1-NQ/TW"]


def test_words_without_diacritics_match_every_spelling(searcher, digital):
    assert set(searcher.symbols("chuyen doi so")) == {"1-NQ/TW", "2-NQ/TW"}


def test_each_word_is_read_as_typed(searcher, digital):
    # "chuyen" finds "chuyên" and "chuyển"; "đổi" only itself.
    assert searcher.symbols("chuyen đổi") == ["1-NQ/TW"]
    assert searcher.symbols("theo dõi co so") == ["2-NQ/TW"]


@pytest.fixture
def committees(db):
    DocumentFactory(symbol="11-NQ/TW", title="Chỉ thị của Thành uỷ về phòng cháy")
    DocumentFactory(symbol="12-NQ/TW", title="Chỉ thị của Thành ủy về giao thông")
    DocumentFactory(symbol="13-NQ/TW", title="Thanh tra và giữ uy tín của cán bộ")


@pytest.mark.parametrize("query", ["Thành ủy", "thành uỷ", "THÀNH ỦY", "thanh ủy"])
def test_both_placements_of_the_tone_mark_are_the_same_word(
    searcher, committees, query
):
    assert set(searcher.symbols(query)) == {"11-NQ/TW", "12-NQ/TW"}


def test_a_query_without_diacritics_finds_the_committee_and_the_look_alikes(
    searcher, committees
):
    assert set(searcher.symbols("thanh uy")) == {"11-NQ/TW", "12-NQ/TW", "13-NQ/TW"}


def test_quoted_phrases_keep_the_order_and_the_typed_diacritics(searcher, digital):
    DocumentFactory(symbol="3-NQ/TW", title="Chuyện đời số phận người lính")
    DocumentFactory(symbol="4-NQ/TW", title="Số hóa và chuyển đổi cơ sở dữ liệu")

    assert searcher.symbols('"chuyển đổi số"') == ["1-NQ/TW"]
    assert set(searcher.symbols('"chuyen doi so"')) == {"1-NQ/TW", "3-NQ/TW"}
    assert searcher.symbols('"chuyen đổi số"') == ["1-NQ/TW"]


def test_only_the_words_that_match_are_marked(searcher):
    DocumentFactory(
        symbol="1-NQ/TW",
        title="Về công tác năm 2025",
        body="Chuyển đổi số, theo dõi cơ sở. Thành uỷ chỉ đạo thanh tra.",
    )

    def snippet(query):
        return searcher.json(q=query)["results"][0]["snippet"]

    assert snippet("Chuyển đổi số").startswith(
        "<mark>Chuyển</mark> <mark>đổi</mark> <mark>số</mark>, theo dõi cơ sở."
    )
    assert "theo <mark>dõi</mark> cơ <mark>sở</mark>" in snippet("chuyen doi so")
    assert "<mark>Thành</mark> <mark>uỷ</mark> chỉ đạo thanh tra" in snippet("thành ủy")


def test_news_follow_the_same_rule(searcher, home_page):
    section = make_section(home_page)
    make_article(section, title="Hội nghị về chuyển đổi số")
    make_article(section, title="Theo dõi chuyên đề về cơ sở")

    titles = [hit["title"] for hit in searcher.json(q="chuyển đổi số")["results"]]

    assert titles == ["Hội nghị về chuyển đổi số"]
    assert searcher.json(q="chuyen doi so")["count"] == 2


def test_suggestions_read_typed_words_as_typed(searcher, digital):
    assert searcher.suggest("chuyển đổi s") == ["1-NQ/TW"]
    assert set(searcher.suggest("chuyen d")) == {"1-NQ/TW", "2-NQ/TW"}
