"""Both registers in the portal's search, on both backends: found by symbol in
any spelling and by words without diacritics, by the register's readers only,
and at once for someone who has just become one."""

import datetime

import pytest
from django.contrib.auth.models import Group

from portal.access.factories import UserFactory
from portal.correspondence.factories import (
    IncomingDocumentFactory,
    OutgoingDocumentFactory,
)

DATABASE = {"default": {"BACKEND": "search.backends.database"}}


def found(client, query):
    answer = client.get("/search/", {"q": query, "format": "json"}).json()
    return answer["count"], [hit["symbol"] for hit in answer["results"]]


@pytest.fixture
def entries(archive_page, search_backend):
    outgoing = OutgoingDocumentFactory(
        title="Kế hoạch tổ chức hội nghị tổng kết", access="restricted"
    ).release(on=datetime.date(2026, 4, 2))
    incoming = IncomingDocumentFactory(
        symbol="36-HD/VPTW", title="Hướng dẫn thể thức trình bày văn bản"
    )
    search_backend.refresh_indexes()
    return outgoing, incoming


@pytest.mark.engine
@pytest.mark.parametrize("backend", ["elasticsearch", "database"])
def test_register_readers_find_entries_by_symbol_and_words_without_diacritics(
    client, entries, settings, backend
):
    if backend == "database":
        settings.WAGTAILSEARCH_BACKENDS = DATABASE
    outgoing, _incoming = entries
    assert outgoing.symbol == "01-CV/VPTU"
    for role in ["clerk", "approver"]:
        client.force_login(UserFactory(role=role))
        for query in ["tong ket", "tổng kết", "1 cv vptu", "01/CV-VPTU"]:
            assert found(client, query) == (1, ["01-CV/VPTU"]), (role, query)
        for query in ["the thuc", "36 HD VPTW", "36/HD-VPTW"]:
            assert found(client, query) == (1, ["36-HD/VPTW"]), (role, query)
        url = client.get("/search/", {"q": "tong ket", "format": "json"}).json()[
            "results"
        ][0]["url"]
        assert url == f"/admin/correspondence/outgoing/inspect/{outgoing.pk}/"


@pytest.mark.engine
@pytest.mark.parametrize("backend", ["elasticsearch", "database"])
def test_others_never_see_an_entry_and_new_readers_see_them_at_once(
    client, entries, settings, backend
):
    if backend == "database":
        settings.WAGTAILSEARCH_BACKENDS = DATABASE
    user = UserFactory(role="editor")
    client.force_login(user)
    for query in ["tong ket", "01-CV/VPTU", "36-HD/VPTW", "the thuc", ""]:
        answer = client.get("/search/", {"q": query, "format": "json"}).json()
        # at most a page the relaxed search finds by one of the words
        kinds = [hit["kind"] for hit in answer["results"]]
        assert set(kinds) <= {"page"} and answer["count"] == len(kinds), query
        types = answer["facets"].get("type", {})
        assert "Công văn" not in types and "Hướng dẫn" not in types, query
    assert client.get("/search/suggest/", {"q": "36-HD"}).json()["results"] == []

    user.groups.add(Group.objects.get(name="Người duyệt"))  # now a leader
    client.force_login(user)
    assert found(client, "tong ket") == (1, ["01-CV/VPTU"])
