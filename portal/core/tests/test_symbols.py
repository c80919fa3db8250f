import pytest
from django.core.exceptions import ValidationError

from portal.core.symbols import Symbol, looks_like_symbol, symbol_key


@pytest.mark.parametrize(
    "text, number, type_abbreviation, issuer, year",
    [
        ("15-NQ/TW", 15, "NQ", "TW", None),
        ("09-CTr/TU", 9, "CTr", "TU", None),
        ("36-HD/VPTW", 36, "HD", "VPTW", None),
        ("05-QĐi/TW", 5, "QĐi", "TW", None),
        ("30/2020/NĐ-CP", 30, "NĐ", "CP", 2020),
        (" 213 - KH / VPTW ", 213, "KH", "VPTW", None),
    ],
)
def test_party_and_state_symbols_parse_into_their_parts(
    text, number, type_abbreviation, issuer, year
):
    symbol = Symbol.parse(text)

    assert (symbol.number, symbol.type_abbreviation, symbol.issuer_abbreviation) == (
        number,
        type_abbreviation,
        issuer,
    )
    assert symbol.year == year


@pytest.mark.parametrize("text", ["", "NQ/TW", "15-NQ", "Nghị quyết số 15", "15/NQ"])
def test_text_that_is_not_a_symbol_is_refused_with_a_clear_message(text):
    with pytest.raises(ValidationError) as error:
        Symbol.parse(text)
    assert "15-NQ/TW" in error.value.messages[0]


def test_a_symbol_prints_in_its_official_shape():
    assert str(Symbol.parse("5-CT/TW")) == "05-CT/TW"
    assert str(Symbol.parse("30/2020/NĐ-CP")) == "30/2020/NĐ-CP"


@pytest.mark.parametrize(
    "spelling", ["15-NQ/TW", "15/NQ-TW", "15 NQ TW", "nq 15 tw", "15nqtw", "15-nq/tw"]
)
def test_every_common_spelling_of_a_symbol_has_the_same_key(spelling):
    assert looks_like_symbol(spelling)
    assert symbol_key(spelling) == "15nqtw"


def test_state_symbols_have_a_key_too():
    assert symbol_key("30/2020/nd-cp") == symbol_key("30/2020/NĐ-CP") == "302020ndcp"


@pytest.mark.parametrize(
    "query", ["nghị quyết 15", "thủ đô 2045", "Kết luận", "15", "năm 2030"]
)
def test_ordinary_queries_are_not_taken_for_symbols(query):
    assert not looks_like_symbol(query)
