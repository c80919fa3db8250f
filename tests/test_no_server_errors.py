"""No query string makes a listing, search, print, statistics or export view
answer with a server error, whoever asks.

Hypothesis draws a view and its query parameters (plus one nobody knows) with
values that have broken views before: numbers out of range, digits that are
not ASCII, impossible dates, NUL bytes, very long text, repeated parameters.
"""

import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.access.factories import UserFactory
from portal.comments.factories import CommentFactory
from portal.correspondence.factories import (
    IncomingDocumentFactory,
    OutgoingDocumentFactory,
)
from portal.documents.factories import DocumentFactory
from portal.followup.factories import TaskFactory, UnitFactory, member_of
from portal.news.factories import make_article, make_section
from portal.questions.factories import QuestionFactory

pytestmark = pytest.mark.django_db

ROLES = [None, "staff", "editor", "approver", "clerk", "admin"]

LISTING = ["q", "p", "ordering", "export"]
# Each view with the query parameters it reads ({section} is filled in).
VIEWS = {
    "/": [],
    "/{section}/": ["page"],
    "/van-ban/": ["type", "issuer", "subject", "signer", "year", "status", "page"],
    "/van-ban/thong-ke/": ["year", "format"],
    "/search/": [
        "q",
        "type",
        "issuer",
        "year",
        "status",
        "subject",
        "signer",
        "from",
        "to",
        "sort",
        "page",
        "format",
    ],
    "/search/suggest/": ["q"],
    "/feeds/": [],
    "/feeds/{section}/": [],
    "/feeds/van-ban/": [],
    "/feeds/van-ban/nq/": [],
    "/sitemap.xml": ["p"],
    "/sitemap-trang.xml": ["p"],
    "/sitemap-van-ban.xml": ["p"],
    "/noi-bo/": [],
    "/noi-bo/nhiem-vu/": ["bucket", "unit", "page"],
    "/noi-bo/thong-ke/": ["start", "end", "format"],
    "/noi-bo/thong-bao/": ["page"],
    "/noi-bo/danh-ba/": ["q"],
    "/lich-cong-tac/": ["tuan"],
    "/lich-cong-tac/in/": ["tuan"],
    "/lich-cong-tac/lich.ics": [],
    "/lich-cong-tac/noi-bo/": ["tuan"],
    "/lich-cong-tac/noi-bo/in/": ["tuan"],
    "/tim-kiem-da-luu/": [],
    "/tim-kiem-da-luu/thong-bao/": ["page"],
    "/api/v1/documents/": [
        "q",
        "type",
        "issuer",
        "status",
        "year",
        "date_from",
        "date_to",
        "page",
        "page_size",
        "format",
    ],
    "/api/v1/articles/": ["q", "year", "date_from", "date_to", "page", "page_size"],
    "/api/v1/schema/": ["format", "lang", "version"],
    "/noi-bo/so-lieu-nam/": ["year", "format"],
    "/hoi-dap/": ["q", "linh_vuc", "page"],
    "/admin/correspondence/incoming/": [
        *LISTING,
        "year",
        "document_type",
        "sender",
        "urgency",
        "confidentiality",
    ],
    "/admin/correspondence/incoming/results/": [*LISTING, "year", "sender"],
    "/admin/correspondence/incoming/print/": ["year"],
    "/admin/correspondence/outgoing/": [
        *LISTING,
        "status",
        "document_type",
        "issuer",
        "term",
        "access",
    ],
    "/admin/correspondence/outgoing/results/": [*LISTING, "issuer", "term"],
    "/admin/correspondence/outgoing/print/": ["year"],
    "/admin/correspondence/statistics/": ["year", "format"],
    "/noi-bo/cuoc-hop/": ["page"],
    "/admin/meetings/": [*LISTING, "online"],
    "/admin/meetings/statistics/": ["year"],
    "/admin/snippets/directory/staffcontact/": LISTING,
    "/admin/snippets/documents/document/": [
        *LISTING,
        "document_type",
        "issuer",
        "issued_year",
        "status",
        "access",
    ],
    "/admin/snippets/documents/document/results/": [*LISTING, "issued_year"],
    "/admin/snippets/choose/documents/document/results/": ["q", "p", "issuer"],
    "/admin/snippets/documents/issuingbody/": LISTING,
    "/admin/snippets/comments/comment/": [*LISTING, "status"],
    "/admin/snippets/followup/unit/": LISTING,
    "/admin/snippets/schedule/event/": [*LISTING, "date", "access"],
    "/admin/snippets/choose/schedule/event/results/": ["q", "p"],
    "/admin/hoi-dap/": [*LISTING, "status", "kind", "subject_area", "unit"],
    "/admin/pages/search/": ["q", "p", "ordering", "content_type", "locale"],
    "/admin/reports/aging-pages/": [
        "last_published_at",
        "content_type",
        "live",
        "export",
        "p",
    ],
    "/admin/reports/locked/": ["locked_at_from", "locked_at_to", "export", "p"],
    "/admin/reports/workflow/": [
        "created_at_after",
        "created_at_before",
        "reviewable",
        "requested_by",
        "export",
    ],
    "/admin/reports/workflow_tasks/": [
        "started_at_after",
        "finished_at_before",
        "workflow",
        "export",
    ],
    "/admin/reports/site-history/": [
        "action",
        "timestamp_from",
        "timestamp_to",
        "user",
        "object_type",
        "export",
    ],
}

NASTY = [
    "",
    "0",
    "-1",
    "1",
    "2026",
    "10000",
    "99999999999999999999",
    "1e400",
    "²",
    "١٢",
    "7.5",
    " 7 ",
    "NaN",
    "2026-02-30",
    "30/02/2026",
    "31/12/2026",
    "2026-13-01",
    "0001-01-01",
    "9999-12-31",
    "\x00",
    "a\x00b",
    "'",
    "%",
    "*",
    "x" * 600,
    "NQ",
    "Nghị quyết",
    "public",
    "restricted",
    "xlsx",
    "csv",
    "json",
    "-title",
    "title",
    "overdue",
    "released",
]
VALUES = st.one_of(
    st.sampled_from(NASTY),
    st.integers().map(str),
    st.text(max_size=12),
    st.dates().map(str),
)


def query(names):
    single = st.dictionaries(st.sampled_from([*names, "zzz"]), VALUES, max_size=4)
    repeated = st.dictionaries(
        st.sampled_from([*names, "zzz"]),
        st.lists(VALUES, min_size=2, max_size=3),
        max_size=2,
    )
    return st.one_of(single, repeated)


REQUESTS = st.sampled_from(sorted(VIEWS)).flatmap(
    lambda path: st.tuples(st.just(path), query(VIEWS[path]))
)


@pytest.fixture
def content(home_page, archive_page):
    """A little of everything the views list."""
    section = make_section(home_page)
    article = make_article(section)
    CommentFactory(page=article)
    document = DocumentFactory(issued_on=datetime.date(2026, 2, 3))
    unit = UnitFactory()
    TaskFactory(lead_unit=unit, source_document=document)
    IncomingDocumentFactory()
    OutgoingDocumentFactory()
    QuestionFactory(published=True, unit=unit)
    return {"section": section.slug, "unit": unit}


@pytest.mark.parametrize("role", ROLES)
def test_no_query_string_gets_a_server_error(client, content, search_backend, role):
    if role == "staff":
        client.force_login(member_of(content["unit"]))
    elif role:
        client.force_login(UserFactory(role=role))

    @settings(
        max_examples=40,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )
    @given(REQUESTS)
    def no_server_error(request):
        path, params = request
        response = client.get(path.format(**content), params)
        assert response.status_code < 500, (path, params)

    no_server_error()


# The cases first reported, with the answer each should get.


def test_a_unit_that_is_not_a_number_leaves_the_task_list_unfiltered_with_a_message(
    client, content
):
    client.force_login(member_of(content["unit"]))

    response = client.get("/noi-bo/nhiem-vu/", {"unit": "²"})

    assert response.status_code == 200
    assert "Xây dựng kế hoạch thực hiện" in response.content.decode()
    assert "Giá trị “²” không hợp lệ." in response.content.decode()


@pytest.mark.parametrize("year", ["10000", "0", "-1", "99999999999999999999", "²"])
@pytest.mark.parametrize("register", ["incoming", "outgoing"])
def test_a_register_printout_refuses_a_year_out_of_range_in_vietnamese(
    client, content, register, year
):
    client.force_login(UserFactory(role="clerk"))

    response = client.get(f"/admin/correspondence/{register}/print/", {"year": year})

    assert response.status_code == 400
    assert "Chọn năm từ 1930 đến 2100." in response.content.decode()


@pytest.mark.parametrize("file_format", [None, "xlsx", "csv"])
@pytest.mark.parametrize(
    "url", ["/admin/correspondence/statistics/", "/van-ban/thong-ke/"]
)
def test_statistics_refuse_a_year_out_of_range_and_export_nothing(
    client, content, url, file_format
):
    client.force_login(UserFactory(role="clerk"))
    params = {"year": "10000", **({"format": file_format} if file_format else {})}

    response = client.get(url, params)

    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/html")
    assert "Chọn năm từ 1930 đến 2100." in response.content.decode()


def test_a_register_printout_of_a_year_in_range_lists_it(client, content):
    client.force_login(UserFactory(role="clerk"))

    response = client.get("/admin/correspondence/incoming/print/", {"year": "2026"})

    assert response.status_code == 200
    assert "Hướng dẫn công tác văn thư, lưu trữ" in response.content.decode()


def test_a_symbol_search_with_a_superscript_digit_finds_nothing_and_fails_nothing(
    client, content
):
    client.force_login(UserFactory(role="clerk"))

    response = client.get("/admin/correspondence/incoming/", {"q": "²"})

    assert response.status_code == 200
    assert "Hướng dẫn công tác văn thư, lưu trữ" not in response.content.decode()


def test_issuing_bodies_are_searched_by_abbreviation_in_the_admin(client, content):
    client.force_login(UserFactory(role="admin"))

    response = client.get("/admin/snippets/documents/issuingbody/", {"q": "VPTW"})

    assert response.status_code == 200
    assert "Văn phòng Trung ương Đảng" in response.content.decode()
    assert "Bộ Chính trị" not in response.content.decode()
