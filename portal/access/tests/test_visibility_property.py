"""Property: whatever the sharing, search shows, counts and facets exactly the
items that "user may view item" allows — on the real engine."""

import itertools

import pytest
from django.contrib.auth.models import Group
from guardian.shortcuts import assign_perm
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.documents.factories import DocumentFactory
from portal.documents.types import DocumentType
from tests.factories import UserFactory

TYPES = [DocumentType.RESOLUTION, DocumentType.DIRECTIVE, DocumentType.CONCLUSION]
GROUPS = ["Tổ A", "Tổ B"]
USERS = 3

items = st.lists(
    st.fixed_dictionaries(
        {
            "access": st.sampled_from(["public", "internal", "restricted"]),
            "groups": st.sets(st.sampled_from(range(len(GROUPS)))),
            "users": st.sets(st.sampled_from(range(USERS))),
            "live": st.booleans(),
            "type": st.sampled_from(range(len(TYPES))),
        }
    ),
    min_size=1,
    max_size=6,
)
memberships = st.lists(
    st.sets(st.sampled_from(range(len(GROUPS)))), min_size=USERS, max_size=USERS
)
examples = itertools.count()


@pytest.mark.engine
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(items=items, memberships=memberships)
def test_search_shows_counts_and_facets_exactly_what_users_may_see(
    client, archive_page, search_backend, items, memberships
):
    # Each example searches a word of its own, so earlier examples never interfere.
    example = next(examples)
    word = f"mau{example}x"
    groups = [Group.objects.get_or_create(name=name)[0] for name in GROUPS]
    users = [UserFactory(role="staff") for _ in range(USERS)]
    for user, member_of in zip(users, memberships, strict=True):
        user.groups.set([groups[i] for i in member_of])
    documents = []
    for number, item in enumerate(items, start=1):
        document = DocumentFactory(
            symbol=f"{example * 10 + number}-{TYPES[item['type']].value}/TW",
            document_type=TYPES[item["type"]],
            title=f"Văn bản {word}",
            access=item["access"],
            live=item["live"],
        )
        for i in item["groups"]:
            assign_perm("documents.view_document", groups[i], document)
        for i in item["users"]:
            assign_perm("documents.view_document", users[i], document)
        documents.append(document)
    search_backend.refresh_indexes()

    for user in [None, *users]:
        client.logout()
        if user:
            client.force_login(user)
        expected = [d for d in documents if d.live and d.is_visible_to(user)]

        data = client.get("/search/", {"q": word, "format": "json"}).json()

        assert {hit["symbol"] for hit in data["results"]} == {
            d.symbol for d in expected
        }
        assert data["count"] == len(expected)
        assert sum(data["facets"].get("type", {}).values()) == len(expected)
        suggested = client.get("/search/suggest/", {"q": word}).json()["results"]
        assert {hit["symbol"] for hit in suggested} <= {d.symbol for d in expected}
