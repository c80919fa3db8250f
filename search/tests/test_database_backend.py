"""The embedded default's own promises: Wagtail's backend for the database,
and a search whose counting, facets, order and paging the database does."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from modelsearch.backends.database import SearchBackend as wagtail_backend_for
from wagtail.search.backends import get_search_backend

from portal.documents.factories import DocumentFactory, IssuingBodyFactory
from portal.documents.models import Document
from portal.news.factories import make_article, make_section
from portal.news.models import ArticlePage
from search.query import SearchRequest

MODELS = [Document, ArticlePage]


@pytest.fixture
def backend(settings, archive_page):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "search.backends.database"}
    }
    return get_search_backend()


def search(backend, text, **asked):
    return backend.portal_search(
        SearchRequest(text=text, **asked), AnonymousUser(), MODELS
    )


def add_documents(count, first=1, **fields):
    """Documents saved in one statement, as the importer saves them."""
    issuer = IssuingBodyFactory()
    documents = [
        DocumentFactory.build(symbol=f"{n}-NQ/TW", issuer=issuer, **fields)
        for n in range(first, first + count)
    ]
    for document in documents:
        document.fill_derived_fields()
    Document.objects.bulk_create(documents)


def test_the_backend_is_the_portals_subclass_of_wagtails_backend_for_the_database(
    backend,
):
    assert isinstance(backend, type(wagtail_backend_for({})))
    assert hasattr(backend, "portal_search")


class RowsRead:
    """The number of rows each query of the block returns."""

    def __enter__(self):
        self.rows = []
        self.wrapper = connection.execute_wrapper(self)
        self.wrapper.__enter__()
        return self

    def __exit__(self, *exc):
        self.wrapper.__exit__(*exc)

    def __call__(self, execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        self.rows.append(context["cursor"].rowcount)
        return result


def test_a_page_of_hits_reads_the_same_rows_for_30_or_300_matches(backend, home_page):
    section = make_section(home_page)
    make_article(section, title="Chuyển đổi số ở cơ sở")
    add_documents(30, title="Về chuyển đổi số")
    search(backend, "chuyển đổi số")  # what is read once per process

    with RowsRead() as few:
        with_few = search(backend, "chuyển đổi số", page=2)
    add_documents(270, first=31, title="Về chuyển đổi số")
    with RowsRead() as many:
        with_many = search(backend, "chuyển đổi số", page=2)

    assert (with_few.count, with_many.count) == (31, 301)
    assert len(with_few.hits) == len(with_many.hits) == 10
    assert with_many.facets["type"] == {"NQ": 300}
    assert many.rows == few.rows  # the same queries, none reading every match
    assert max(many.rows) < 30


def test_hits_rank_by_title_words_then_newest_across_documents_and_articles(
    backend, home_page
):
    section = make_section(home_page)

    def published(year):
        return datetime.datetime(year, 6, 1, 3, 0, tzinfo=datetime.UTC)

    DocumentFactory(
        symbol="1-NQ/TW",
        title="Về chuyển đổi số",
        issued_on=datetime.date(2020, 6, 1),
    )
    make_article(section, title="Chuyển đổi số ở cơ sở", published_at=published(2024))
    DocumentFactory(
        symbol="2-NQ/TW",
        title="Về công tác văn phòng",
        body="Đẩy mạnh chuyển đổi số.",
        issued_on=datetime.date(2025, 6, 1),
    )
    make_article(
        section,
        title="Số hóa kho lưu trữ",
        lead="Một bước của chuyển đổi số.",
        published_at=published(2019),
    )

    def titles(**asked):
        pages = [
            search(backend, "chuyển đổi số", per_page=2, page=page, **asked)
            for page in (1, 2, 3)
        ]
        assert [result.count for result in pages] == [4, 4, 4]
        return [[hit.title for hit in result.hits] for result in pages]

    assert titles() == [
        ["Chuyển đổi số ở cơ sở", "Về chuyển đổi số"],  # three title words
        ["Số hóa kho lưu trữ", "Về công tác văn phòng"],  # one, then none
        [],
    ]
    assert titles(sort="newest") == [
        ["Về công tác văn phòng", "Chuyển đổi số ở cơ sở"],
        ["Về chuyển đổi số", "Số hóa kho lưu trữ"],
        [],
    ]


def test_an_exact_symbol_comes_before_a_longer_one_it_begins(backend):
    DocumentFactory(symbol="15-NQ/TW", issued_on=datetime.date(2010, 1, 1))
    DocumentFactory(symbol="15-NQ/TW-BCS", issued_on=datetime.date(2024, 1, 1))
    DocumentFactory(
        symbol="7-NQ/TW", title="Về 15 nhiệm vụ", issued_on=datetime.date(2025, 1, 1)
    )

    hits = search(backend, "15-NQ/TW").hits

    assert [hit.symbol for hit in hits][:2] == ["15-NQ/TW", "15-NQ/TW-BCS"]


def test_paging_through_equal_hits_shows_each_once(backend):
    add_documents(25, title="Về chuyển đổi số")

    symbols = [
        hit.symbol
        for page in (1, 2, 3)
        for hit in search(backend, "chuyển đổi số", page=page).hits
    ]

    assert sorted(symbols) == sorted(f"{n}-NQ/TW" for n in range(1, 26))


def test_the_relaxed_search_counts_and_facets_the_items_with_some_words(backend):
    add_documents(3, title="Về công tác dân vận")
    add_documents(2, first=10, title="Về công tác văn thư", status="expired")
    DocumentFactory(symbol="20-NQ/TW", title="Về kinh tế tư nhân")

    result = search(backend, "dân vận văn thư")

    assert result.relaxed
    assert result.count == 5
    assert result.facets["status"] == {"in_force": 3, "expired": 2}


def test_facet_buckets_come_largest_first_on_either_backend(searcher):
    for status, count in [("in_force", 1), ("expired", 3), ("replaced", 2)]:
        for _ in range(count):
            DocumentFactory(title="Về công tác dân vận", status=status)

    status = searcher.json(q="dân vận")["facets"]["status"]

    assert list(status.items()) == [
        ("Hết hiệu lực toàn bộ", 3),
        ("Bị thay thế", 2),
        ("Còn hiệu lực", 1),
    ]
