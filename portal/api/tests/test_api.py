"""The read-only JSON API: lists with filters, details, tokens, visibility."""

import datetime

import pytest
from django.contrib.auth.models import Group
from guardian.shortcuts import assign_perm
from rest_framework.authtoken.models import Token

from portal.access.factories import UserFactory
from portal.documents.factories import DocumentFactory, IssuingBodyFactory
from portal.documents.models import DocumentRelation
from portal.documents.types import DocumentType
from portal.news.factories import make_article, make_section

pytestmark = pytest.mark.django_db


def symbols(response):
    assert response.status_code == 200, response.content
    return [item["symbol"] for item in response.json()["results"]]


def with_token(user):
    token, _created = Token.objects.get_or_create(user=user)
    return {"HTTP_AUTHORIZATION": f"Token {token.key}"}


@pytest.fixture
def documents(archive_page):
    office = IssuingBodyFactory(name="Văn phòng Thành ủy", abbreviation="VPTU")
    return {
        "public": DocumentFactory(
            symbol="15-NQ/TW",
            title="Nghị quyết về phát triển Thủ đô",
            issued_on=datetime.date(2022, 5, 5),
        ),
        "internal": DocumentFactory(
            symbol="05-CT/TW",
            document_type=DocumentType.DIRECTIVE,
            title="Chỉ thị về công tác cán bộ",
            issued_on=datetime.date(2023, 3, 1),
            access="internal",
        ),
        "restricted": DocumentFactory(
            symbol="36-HD/VPTU",
            document_type=DocumentType.GUIDANCE,
            issuer=office,
            title="Hướng dẫn công tác văn thư",
            issued_on=datetime.date(2024, 1, 9),
            access="restricted",
        ),
        "draft": DocumentFactory(symbol="07-KL/TW", live=False),
    }


def test_anonymous_callers_list_public_documents_only(client, documents):
    assert symbols(client.get("/api/v1/documents/")) == ["15-NQ/TW"]


def test_a_token_lists_what_its_user_may_see_newest_first(client, documents):
    staff = UserFactory(role="staff")

    response = client.get("/api/v1/documents/", **with_token(staff))

    assert symbols(response) == ["05-CT/TW", "15-NQ/TW"]


def test_a_restricted_document_is_listed_to_those_it_is_shared_with(client, documents):
    group = Group.objects.create(name="Tổ văn thư")
    assign_perm("documents.view_document", group, documents["restricted"])
    clerk = UserFactory(role="staff")
    clerk.groups.add(group)

    response = client.get("/api/v1/documents/", **with_token(clerk))

    assert symbols(response) == ["36-HD/VPTU", "05-CT/TW", "15-NQ/TW"]


def test_a_document_the_caller_may_not_see_has_no_detail(client, documents):
    for level in ("internal", "restricted", "draft"):
        url = f"/api/v1/documents/{documents[level].pk}/"
        response = client.get(url)
        assert response.status_code == 404
        assert response.json() == {"detail": "Không tìm thấy."}


def test_a_wrong_token_is_refused_in_vietnamese(client, documents):
    response = client.get(
        "/api/v1/documents/", HTTP_AUTHORIZATION="Token 0123456789abcdef"
    )

    assert response.status_code == 401
    assert response.json() == {"detail": "Khóa API không hợp lệ."}


def test_a_document_detail_names_its_fields(client, documents):
    public = documents["public"]

    anonymous = client.get(f"/api/v1/documents/{public.pk}/").json()

    assert anonymous["symbol"] == "15-NQ/TW"
    assert anonymous["type"] == "NQ"
    assert anonymous["type_label"] == "Nghị quyết"
    assert anonymous["issuer"]["name"] == "Bộ Chính trị"
    assert anonymous["issued_on"] == "2022-05-05"
    assert anonymous["url"] == f"http://testserver/van-ban/{public.pk}-15-nqtw/"
    assert anonymous["attachments"] == []


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"type": "CT"}, ["05-CT/TW"]),
        ({"year": "2022"}, ["15-NQ/TW"]),
        ({"date_from": "2022-06-01", "date_to": "2023-12-31"}, ["05-CT/TW"]),
        ({"q": "thu do"}, ["15-NQ/TW"]),
        ({"q": "Chỉ thị cán bộ"}, ["05-CT/TW"]),
        ({"q": "nq 15 tw"}, ["15-NQ/TW"]),
        ({"q": "cong tac"}, ["05-CT/TW"]),
    ],
)
def test_documents_are_filtered(client, documents, params, expected):
    staff = UserFactory(role="staff")

    assert symbols(client.get("/api/v1/documents/", params, **with_token(staff))) == (
        expected
    )


def test_a_document_detail_lists_only_the_relations_the_caller_may_see(
    client, documents
):
    public, internal = documents["public"], documents["internal"]
    DocumentRelation.objects.create(source=internal, target=public, kind="implements")
    url = f"/api/v1/documents/{public.pk}/"

    anonymous = client.get(url).json()
    staff = client.get(url, **with_token(UserFactory(role="staff"))).json()

    assert anonymous["relations"] == []
    assert [
        (relation["relation"], [item["symbol"] for item in relation["documents"]])
        for relation in staff["relations"]
    ] == [("Văn bản thực hiện", ["05-CT/TW"])]


def test_documents_are_filtered_by_issuer(client, documents):
    admin = UserFactory(role="admin")
    office = documents["restricted"].issuer

    response = client.get(
        "/api/v1/documents/", {"issuer": office.pk}, **with_token(admin)
    )

    assert symbols(response) == ["36-HD/VPTU"]


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"year": "năm ngoái"}, "year", "Nhập số nguyên."),
        ({"year": "1e400"}, "year", "Nhập số nguyên."),
        ({"year": "99999"}, "year", "Giá trị phải nhỏ hơn hoặc bằng 2100."),
        (
            {"date_from": "2026-02-30"},
            "date_from",
            "Nhập ngày hợp lệ, theo dạng ngày/tháng/năm.",
        ),
        (
            {"date_from": "2024-01-01", "date_to": "2023-01-01"},
            "date_to",
            "Ngày “đến” trước ngày “từ”.",
        ),
        ({"type": "XYZ"}, "type", None),
        ({"issuer": "99999999999999999999"}, "issuer", None),
        ({"q": "a\x00b"}, "q", None),
    ],
)
def test_a_wrong_filter_value_is_refused_with_a_vietnamese_message(
    client, documents, params, field, message
):
    response = client.get("/api/v1/documents/", params)

    assert response.status_code == 400
    errors = response.json()
    assert list(errors) == [field]
    if message:
        assert errors[field] == [message]
    assert all(
        word not in errors[field][0] for word in ("Enter", "Select", "valid", "Null")
    )


def test_a_page_past_the_last_is_not_found_in_vietnamese(client, documents):
    response = client.get("/api/v1/documents/", {"page": "9"})

    assert response.status_code == 404
    assert response.json() == {"detail": "Trang không hợp lệ."}


def test_lists_are_paginated(client, archive_page):
    for number in range(1, 24):
        DocumentFactory(symbol=f"{number:02d}-TB/TW", document_type="TB")

    first = client.get("/api/v1/documents/").json()
    second = client.get(first["next"]).json()

    assert first["count"] == 23
    assert len(first["results"]) == 20
    assert len(second["results"]) == 3
    assert second["next"] is None


@pytest.fixture
def articles(home_page):
    section = make_section(home_page)
    return {
        level: make_article(
            section,
            title=f"Hội nghị {word} năm 2024",
            slug=f"hoi-nghi-{level}",
            access=level,
            published_at=datetime.datetime(2024, month, 2, 3, tzinfo=datetime.UTC),
        )
        for level, word, month in [
            ("public", "công khai", 1),
            ("internal", "nội bộ", 2),
            ("restricted", "hạn chế", 3),
        ]
    }


def titles(response):
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["results"]]


def test_articles_are_listed_as_each_caller_may_see_them(client, articles):
    staff, admin = UserFactory(role="staff"), UserFactory(role="admin")

    assert titles(client.get("/api/v1/articles/")) == ["Hội nghị công khai năm 2024"]
    assert titles(client.get("/api/v1/articles/", **with_token(staff))) == [
        "Hội nghị nội bộ năm 2024",
        "Hội nghị công khai năm 2024",
    ]
    assert len(titles(client.get("/api/v1/articles/", **with_token(admin)))) == 3


def test_articles_are_filtered_by_words_and_dates(client, articles):
    staff = UserFactory(role="staff")
    get = lambda **params: titles(  # noqa: E731
        client.get("/api/v1/articles/", params, **with_token(staff))
    )

    assert get(q="noi bo") == ["Hội nghị nội bộ năm 2024"]
    assert get(q="han che") == []
    assert get(date_from="2024-01-15") == ["Hội nghị nội bộ năm 2024"]
    assert get(year="2023") == []


def test_an_article_detail_has_its_body_and_section(client, articles):
    article = articles["public"]

    data = client.get(f"/api/v1/articles/{article.pk}/").json()

    assert data["title"] == "Hội nghị công khai năm 2024"
    assert data["section"] == "Tin hoạt động"
    assert data["url"] == "http://testserver/tin-hoat-dong/hoi-nghi-public/"
    assert data["lead"] == "Sáng nay đã diễn ra hội nghị."
    assert client.get(f"/api/v1/articles/{articles['internal'].pk}/").status_code == (
        404
    )


def test_a_token_users_answer_is_never_served_to_anonymous_callers(client, documents):
    staff = UserFactory(role="staff")

    assert symbols(client.get("/api/v1/documents/", **with_token(staff))) == [
        "05-CT/TW",
        "15-NQ/TW",
    ]
    assert symbols(client.get("/api/v1/documents/")) == ["15-NQ/TW"]


def test_the_schema_describes_the_api(client):
    response = client.get("/api/v1/schema/", {"format": "json"})

    assert response.status_code == 200
    schema = response.json()
    assert set(schema["paths"]) == {
        "/api/v1/documents/",
        "/api/v1/documents/{id}/",
        "/api/v1/articles/",
        "/api/v1/articles/{id}/",
    }
    parameters = {
        parameter["name"]
        for parameter in schema["paths"]["/api/v1/documents/"]["get"]["parameters"]
    }
    assert {"type", "issuer", "year", "date_from", "date_to", "q", "page"} <= (
        parameters
    )


def test_a_user_sees_and_renews_their_key(client):
    user = UserFactory(role="staff")
    client.force_login(user)

    client.post("/api/khoa/")
    first = Token.objects.get(user=user).key
    page = client.get("/api/khoa/").content.decode()
    client.post("/api/khoa/")

    assert first in page
    assert Token.objects.get(user=user).key != first


def test_the_key_page_asks_anonymous_visitors_to_sign_in(client):
    response = client.get("/api/khoa/")

    assert response.status_code == 302
    assert response["Location"].startswith("/login/")
