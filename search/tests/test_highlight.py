from search.highlight import highlight, snippet


def test_a_word_typed_with_diacritics_marks_only_that_word():
    marked = highlight("Chuyển đổi số, theo dõi cơ sở", ["chuyển", "đổi", "số"])

    assert (
        marked == "<mark>Chuyển</mark> <mark>đổi</mark> <mark>số</mark>, theo dõi cơ sở"
    )


def test_a_word_typed_without_diacritics_marks_every_spelling():
    marked = highlight("Chuyển đổi số, theo dõi cơ sở", ["doi", "so"])

    assert (
        marked
        == "Chuyển <mark>đổi</mark> <mark>số</mark>, theo <mark>dõi</mark> cơ <mark>sở</mark>"
    )


def test_either_placement_of_a_tone_mark_is_marked():
    marked = highlight("Thành uỷ và THÀNH ỦY", ["thành", "ủy"])

    assert marked == (
        "<mark>Thành</mark> <mark>uỷ</mark> và <mark>THÀNH</mark> <mark>ỦY</mark>"
    )


def test_a_word_matched_both_ways_is_marked_once():
    assert highlight("Thành ủy", ["thanh", "thành"]) == "<mark>Thành</mark> ủy"


def test_a_snippet_starts_at_the_first_exact_match():
    text = "Theo dõi cơ sở. " * 30 + "Chuyển đổi số toàn diện."

    passage = snippet([text], ["đổi"])

    assert passage.startswith("… ")
    assert "Chuyển <mark>đổi</mark> số" in passage
    assert "<mark>dõi</mark>" not in passage
