"""What a reader sees on /search/: hints, chosen filters, paging and dates."""

import datetime
from urllib.parse import parse_qs, urlsplit
from zoneinfo import ZoneInfo

import pytest
from bs4 import BeautifulSoup

from portal.documents.factories import DocumentFactory
from portal.news.factories import make_article, make_section

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
# What the page makes of a search's answer is the same whatever the backend.
page_only = pytest.mark.parametrize("searcher", ["database"], indirect=True)


def page(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def query_of(url):
    return parse_qs(urlsplit(url).query)


@page_only
def test_an_empty_query_shows_a_hint_instead_of_no_results_for_nothing(searcher):
    DocumentFactory(symbol="15-NQ/TW", title="Về chuyển đổi số")

    html = page(searcher.get(q=""))

    assert "số, ký hiệu văn bản" in html.select_one(".search-hint").get_text()
    assert "kết quả" not in html.get_text()
    assert "“”" not in html.get_text()


@page_only
def test_filters_without_words_count_results_without_empty_quotes(searcher):
    DocumentFactory(symbol="15-NQ/TW", title="Về chuyển đổi số")

    html = page(searcher.get(q="", type="NQ"))

    assert html.select_one(".search-count").get_text() == "1 kết quả"


def test_a_page_past_the_last_says_so_and_links_to_the_last(searcher):
    for n in range(12):
        DocumentFactory(symbol=f"{n + 1}-NQ/TW", title="Về chuyển đổi số")

    html = page(searcher.get(q="chuyển đổi số", page=5))

    message = html.select_one(".past-last-page")
    assert "Không có trang 5" in message.get_text()
    assert "chỉ có 2 trang" in message.get_text()
    assert query_of(message.a["href"]) == {"q": ["chuyển đổi số"], "page": ["2"]}
    assert html.select(".search-result") == []


@page_only
def test_a_from_date_after_the_to_date_is_reported_and_the_form_keeps_both(
    searcher,
):
    DocumentFactory(symbol="15-NQ/TW", title="Về chuyển đổi số")

    html = page(
        searcher.get(q="chuyển đổi số", **{"from": "2024-05-01", "to": "2024-01-01"})
    )

    assert html.select_one("[role=alert]").get_text(strip=True) == (
        "“Đến ngày” (01/01/2024) sớm hơn “Từ ngày” (01/05/2024):"
        " hãy chọn lại khoảng thời gian."
    )
    assert html.select_one("#search-from")["value"] == "2024-05-01"
    assert html.select_one("#search-to")["value"] == "2024-01-01"
    assert html.select_one("#search-to")["aria-invalid"] == "true"


@page_only
def test_each_chosen_filter_is_a_chip_whose_link_removes_exactly_it(searcher):
    DocumentFactory(
        symbol="15-NQ/TW", title="Về chuyển đổi số", issued_on=datetime.date(2024, 3, 2)
    )
    chosen = {
        "q": "chuyển đổi số",
        "type": "NQ",
        "year": "2024",
        "from": "2024-01-01",
        "to": "2024-12-31",
        "sort": "newest",
    }

    html = page(searcher.get(**chosen))

    chips = {
        chip.get_text(" ", strip=True): query_of(chip["href"])
        for chip in html.select(".chips a")
    }
    everything = {name: [value] for name, value in chosen.items()}

    def without(name):
        return {key: value for key, value in everything.items() if key != name}

    assert chips == {
        "Bỏ bộ lọc Từ khóa: chuyển đổi số ×": without("q"),
        "Bỏ bộ lọc Loại văn bản: Nghị quyết ×": without("type"),
        "Bỏ bộ lọc Năm: 2024 ×": without("year"),
        "Bỏ bộ lọc Từ ngày: 01/01/2024 ×": without("from"),
        "Bỏ bộ lọc Đến ngày: 31/12/2024 ×": without("to"),
    }
    clear = html.select_one(".chips__clear")
    assert clear.get_text() == "Xóa tất cả bộ lọc"
    assert query_of(clear["href"]) == {"q": ["chuyển đổi số"], "sort": ["newest"]}


@page_only
def test_a_chip_link_also_goes_back_to_the_first_page(searcher):
    for n in range(12):
        DocumentFactory(symbol=f"{n + 1}-NQ/TW", title="Về chuyển đổi số")

    html = page(searcher.get(q="chuyển đổi số", type="NQ", page=2))

    links = [query_of(chip["href"]) for chip in html.select(".chips a")]
    assert links == [{"type": ["NQ"]}, {"q": ["chuyển đổi số"]}]


def test_an_article_is_dated_by_its_local_day_with_no_stray_separator(
    searcher, home_page
):
    published = datetime.datetime(2026, 10, 25, 5, 35, tzinfo=HANOI)  # 24/10 in UTC
    make_article(
        make_section(home_page), title="Hội nghị chuyển đổi số", published_at=published
    )

    data = searcher.json(q="hội nghị chuyển đổi số")
    html = page(searcher.get(q="hội nghị chuyển đổi số"))

    assert [hit["issued_on"] for hit in data["results"]] == ["2026-10-25"]
    meta = html.select_one(".search-result--article .search-result__meta")
    assert [span.get_text() for span in meta.select("span")] == ["25/10/2026"]
    assert meta.get_text() == "25/10/2026"


@page_only
def test_a_document_hit_lists_type_issuer_and_date_each_once(searcher):
    DocumentFactory(
        symbol="15-NQ/TW", title="Về chuyển đổi số", issued_on=datetime.date(2024, 3, 2)
    )

    html = page(searcher.get(q="chuyển đổi số"))

    meta = html.select_one(".search-result--document .search-result__meta")
    spans = [span.get_text() for span in meta.select("span")]
    assert spans[0] == "Nghị quyết" and spans[-1] == "02/03/2024"
    assert len(spans) == 3 and all(spans)
    assert "·" not in meta.get_text()
