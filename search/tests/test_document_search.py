"""The portal's search, specified once and run on both backends."""

import datetime

import pytest
from guardian.shortcuts import assign_perm

from portal.access.factories import UserFactory
from portal.documents.factories import DocumentFactory, IssuingBodyFactory
from portal.documents.models import Attachment
from portal.documents.types import DocumentType

CAPITAL = "Về phương hướng, nhiệm vụ phát triển Thủ đô Hà Nội đến năm 2030"


@pytest.fixture
def capital_resolution(db):
    return DocumentFactory(
        symbol="15-NQ/TW", title=CAPITAL, body="Xây dựng Thủ đô văn hiến."
    )


@pytest.mark.parametrize(
    "query", ["nghi quyet thu do", "Nghị quyết Thủ đô", "NGHỊ QUYẾT thu đô"]
)
def test_diacritics_do_not_matter_in_either_direction(
    searcher, capital_resolution, query
):
    DocumentFactory(symbol="16-NQ/TW", title="Về công tác cán bộ")

    assert searcher.symbols(query) == ["15-NQ/TW"]


def test_decomposed_unicode_in_a_query_is_normalised(searcher, capital_resolution):
    import unicodedata

    assert searcher.symbols(unicodedata.normalize("NFD", "Thủ đô")) == ["15-NQ/TW"]


@pytest.mark.parametrize(
    "spelling", ["15-NQ/TW", "15/NQ-TW", "nq 15 tw", "15nqtw", "15 NQ TW"]
)
def test_a_symbol_in_any_spelling_ranks_its_document_first(searcher, spelling):
    DocumentFactory(symbol="15-NQ/TW", title="Về phát triển Thủ đô")
    # documents that mention 15, NQ and TW in their text must not outrank it
    for n in range(3):
        DocumentFactory(
            symbol=f"{20 + n}-NQ/TW",
            title=f"Thực hiện 15 nhiệm vụ của NQ TW số {n}",
            issued_on=datetime.date(2024, 1, 1),
        )

    assert searcher.symbols(spelling)[0] == "15-NQ/TW"


def test_a_state_symbol_is_found_by_its_key(searcher):
    government = IssuingBodyFactory(name="Chính phủ", abbreviation="CP")
    DocumentFactory(
        symbol="30/2020/NĐ-CP",
        document_type=DocumentType.STATE_DECREE,
        issuer=government,
        title="Về công tác văn thư",
        issued_on=datetime.date(2020, 3, 5),
    )

    assert searcher.symbols("30/2020/nd-cp") == ["30/2020/NĐ-CP"]


def test_all_words_are_required_by_default(searcher, capital_resolution):
    DocumentFactory(symbol="16-NQ/TW", title="Về phát triển kinh tế tư nhân")

    assert searcher.symbols("phát triển Thủ đô") == ["15-NQ/TW"]


def test_when_nothing_has_every_word_the_closest_items_are_shown(
    searcher, capital_resolution
):
    result = searcher.get(q="Thủ đô khủng long")

    assert [hit.symbol for hit in result.context["results"].hits] == ["15-NQ/TW"]
    assert result.context["results"].relaxed
    assert "chứa một số từ" in result.content.decode()


def test_a_quoted_phrase_must_appear_as_written(searcher, capital_resolution):
    DocumentFactory(symbol="16-NQ/TW", title="Về Hà Nội và phát triển đô thị")

    assert searcher.symbols('"phát triển Thủ đô"') == ["15-NQ/TW"]
    assert set(searcher.symbols("phát triển")) == {"15-NQ/TW", "16-NQ/TW"}


def test_facets_count_every_bucket_not_only_the_top_ten(searcher):
    for n in range(12):
        body = IssuingBodyFactory(name=f"Đảng ủy phường {n}", abbreviation="ĐU")
        DocumentFactory(
            symbol=f"{n + 1}-NQ/ĐU", issuer=body, title="Về công tác dân vận"
        )
    DocumentFactory(
        symbol="01-CT/TW",
        document_type=DocumentType.DIRECTIVE,
        title="Về công tác dân vận",
        issued_on=datetime.date(2019, 3, 1),
        status="expired",
    )

    facets = searcher.json(q="dân vận")["facets"]

    assert len(facets["issuer"]) == 13
    assert facets["type"] == {"Nghị quyết": 12, "Chỉ thị": 1}
    assert facets["year"] == {"2022": 12, "2019": 1}
    assert facets["status"] == {"Còn hiệu lực": 12, "Hết hiệu lực toàn bộ": 1}


def test_filters_narrow_results_and_their_counts(searcher):
    city = IssuingBodyFactory(name="Ban Thường vụ Thành ủy", abbreviation="TU")
    DocumentFactory(
        symbol="01-KL/TU",
        document_type=DocumentType.CONCLUSION,
        issuer=city,
        title="Kết luận về dân vận",
    )
    DocumentFactory(
        symbol="02-NQ/TU",
        issuer=city,
        title="Nghị quyết về dân vận",
        issued_on=datetime.date(2023, 6, 1),
    )
    DocumentFactory(symbol="03-NQ/TW", title="Nghị quyết về dân vận", status="expired")

    assert searcher.symbols("dân vận", type="KL") == ["01-KL/TU"]
    assert searcher.symbols("dân vận", type="Kết luận") == ["01-KL/TU"]
    assert set(searcher.symbols("dân vận", issuer="Ban Thường vụ Thành ủy")) == {
        "01-KL/TU",
        "02-NQ/TU",
    }
    assert searcher.symbols("dân vận", year="2023") == ["02-NQ/TU"]
    assert searcher.symbols("dân vận", status="expired") == ["03-NQ/TW"]
    assert searcher.symbols(
        "dân vận", **{"from": "2023-01-01", "to": "2023-12-31"}
    ) == ["02-NQ/TU"]
    assert searcher.json(q="dân vận", type="KL")["facets"]["issuer"] == {
        "Ban Thường vụ Thành ủy": 1
    }


def test_sorting_by_newest_and_paginating(searcher):
    for n in range(12):
        DocumentFactory(
            symbol=f"{n + 1}-NQ/TW",
            title="Về chuyển đổi số",
            issued_on=datetime.date(2020, 1, 1) + datetime.timedelta(days=30 * n),
        )

    first = searcher.json(q="chuyển đổi số", sort="newest")
    second = searcher.json(q="chuyển đổi số", sort="newest", page=2)

    assert first["count"] == 12 and first["page"] == 1
    assert first["results"][0]["symbol"] == "12-NQ/TW"
    assert len(first["results"]) == 10
    assert [hit["symbol"] for hit in second["results"]] == ["2-NQ/TW", "1-NQ/TW"]


def test_matched_words_are_marked_in_the_abstract_the_text_and_attachments(searcher):
    DocumentFactory(symbol="15-NQ/TW", title=CAPITAL)
    DocumentFactory(
        symbol="16-NQ/TW",
        title="Về văn hóa",
        body="Mở đầu. " * 40 + "Bảo tồn di sản Thủ đô.",
    )
    with_attachment = DocumentFactory(symbol="17-NQ/TW", title="Về giao thông")
    Attachment.objects.create(
        document=with_attachment, extracted_text="Quy hoạch Thủ đô mở rộng."
    )
    with_attachment.save()

    hits = {hit["symbol"]: hit for hit in searcher.json(q="thu do")["results"]}
    page = searcher.get(q="thu do").content.decode()

    assert "<mark>Thủ</mark> <mark>đô</mark> Hà Nội" in page
    assert "di sản <mark>Thủ</mark> <mark>đô</mark>" in hits["16-NQ/TW"]["snippet"]
    assert hits["16-NQ/TW"]["snippet"].startswith("… ")
    assert "Quy hoạch <mark>Thủ</mark> <mark>đô</mark>" in hits["17-NQ/TW"]["snippet"]


def test_html_in_documents_is_escaped_in_snippets(searcher):
    DocumentFactory(
        symbol="15-NQ/TW",
        title="Về an ninh mạng",
        body="<script>alert(1)</script> an ninh mạng",
    )

    snippet = searcher.json(q="an ninh")["results"][0]["snippet"]

    assert "<script>" not in snippet and "&lt;script&gt;" in snippet


@pytest.mark.parametrize("prefix", ["Kết lu", "ket lu", "kết lu", "KẾT LUẬ", "01-KL"])
def test_autocomplete_completes_titles_and_symbols_with_or_without_diacritics(
    searcher, prefix
):
    DocumentFactory(
        symbol="01-KL/TW",
        document_type=DocumentType.CONCLUSION,
        title="Kết luận về công tác cán bộ",
    )
    DocumentFactory(symbol="02-NQ/TW", title="Về công tác cán bộ")

    assert searcher.suggest(prefix) == ["01-KL/TW"]


ODD_QUERIES = [
    "",
    "   ",
    '"',
    '"unterminated phrase',
    "AND OR NOT",
    "title:(foo) OR bar^2 ~ * ?",
    "((([[[{{{",
    "\\/\\/ -- ++ && || !",
    "<script>alert(1)</script>",
    "a" * 10_000,
    "Thủ đô " * 2_000,
    "\x00\x01",
    "%00%27%22",
    "15-NQ/TW" * 50,
]


@pytest.mark.parametrize("query", ODD_QUERIES, ids=range(len(ODD_QUERIES)))
def test_any_input_gets_a_sensible_answer_never_a_500(
    searcher, capital_resolution, query
):
    page = searcher.get(q=query)
    data = searcher.json(q=query)
    searcher.client.get("/search/suggest/", {"q": query})

    assert page.status_code == 200
    assert isinstance(data["count"], int)


@pytest.mark.parametrize(
    "params",
    [
        {"page": "abc"},
        {"page": "-1"},
        {"year": "năm ngoái"},
        {"from": "31/31/2020"},
        {"type": "không có"},
        {"sort": "random"},
        {"page": "99999"},
    ],
)
def test_bad_filter_values_are_reported_and_the_search_still_runs(
    searcher, capital_resolution, params
):
    response = searcher.get(q="thủ đô", **params)

    assert response.status_code == 200


def test_an_empty_query_lists_nothing_but_filters_alone_browse_what_the_reader_may_see(
    searcher, capital_resolution
):
    DocumentFactory(symbol="16-NQ/TW", access="internal")

    assert searcher.json(q="")["count"] == 0
    data = searcher.json(q="", type="NQ")
    assert data["count"] == 1
    assert data["facets"]["type"] == {"Nghị quyết": 1}


def test_anonymous_search_never_counts_shows_or_suggests_restricted_documents(searcher):
    DocumentFactory(symbol="15-NQ/TW", title="Về bảo vệ bí mật nhà nước")
    DocumentFactory(
        symbol="16-NQ/TW", title="Về bảo vệ bí mật nhà nước", access="internal"
    )
    secret = DocumentFactory(
        symbol="17-NQ/TW", title="Về bảo vệ bí mật nhà nước", access="restricted"
    )
    DocumentFactory(symbol="18-NQ/TW", title="Về bảo vệ bí mật nhà nước", live=False)

    data = searcher.json(q="bí mật")
    assert [hit["symbol"] for hit in data["results"]] == ["15-NQ/TW"]
    assert data["count"] == 1
    assert sum(data["facets"]["type"].values()) == 1
    assert searcher.suggest("bí mật") == ["15-NQ/TW"]
    assert searcher.symbols("17-NQ/TW") == []

    staff = UserFactory(role="staff")
    searcher.client.force_login(staff)
    assert set(searcher.symbols("bí mật")) == {"15-NQ/TW", "16-NQ/TW"}

    assign_perm("documents.view_document", staff, secret)  # reindexes the document
    assert set(searcher.symbols("bí mật")) == {"15-NQ/TW", "16-NQ/TW", "17-NQ/TW"}
    assert searcher.json(q="bí mật")["count"] == 3
