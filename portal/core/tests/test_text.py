import unicodedata

import pytest

from portal.core.text import (
    fold,
    normalize,
    place_tones,
    typed_words,
    with_folded,
    word_text,
)


def test_fold_removes_vietnamese_diacritics_including_d_with_stroke():
    assert fold("Nghị quyết về Thủ đô") == "Nghi quyet ve Thu do"
    assert fold("ĐẢNG BỘ") == "DANG BO"


def test_fold_treats_decomposed_input_like_composed_input():
    decomposed = unicodedata.normalize("NFD", "Kết luận")
    assert fold(decomposed) == "Ket luan"
    assert normalize(decomposed) == "Kết luận"


def test_indexed_text_keeps_the_original_and_adds_its_folded_twin():
    assert with_folded("Thủ đô") == "Thủ đô\nThu do"
    assert with_folded("15-NQ/TW") == "15-NQ/TW"


def test_indexed_text_places_tone_marks_one_way():
    assert with_folded("Thành uỷ") == "Thành ủy\nThanh uy"


@pytest.mark.parametrize(
    ("written", "placed"),
    [
        ("hoà", "hòa"),
        ("Hoá học", "Hóa học"),
        ("khoẻ", "khỏe"),
        ("UỶ BAN", "ỦY BAN"),
        ("thuỵ", "thụy"),
        ("tuỳ", "tùy"),
    ],
)
def test_tone_marks_move_to_where_the_older_spelling_puts_them(written, placed):
    assert place_tones(written) == placed
    assert place_tones(placed) == placed


@pytest.mark.parametrize("word", ["quý", "Quỳnh", "hoàng", "thuở", "khuỷu", "hoa"])
def test_words_spelled_one_way_only_keep_their_tone_marks(word):
    assert place_tones(word) == word


def test_typed_words_keep_diacritics_and_lower_the_case():
    assert typed_words("NGHỊ QUYẾT thu đô, Thành uỷ") == [
        "nghị",
        "quyết",
        "thu",
        "đô",
        "thành",
        "ủy",
    ]


def test_stored_words_are_folded_then_written_once_each():
    assert word_text("Thành uỷ, thành ủy và Thanh tra") == (
        " thanh uy thanh uy va thanh tra thành ủy và "
    )
