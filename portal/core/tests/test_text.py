import unicodedata

from portal.core.text import fold, normalize, with_folded


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
