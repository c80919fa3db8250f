"""Property: whatever the access levels, sharing, memberships, publication and
view restrictions, and whatever changes of access follow the indexing, every
surface shows exactly what each user may see — on the real engine.

The expected answer is computed here, from the generated data alone
(``may_see``); nothing the portal uses to decide visibility is called.
"""

import itertools
from collections import Counter

import pytest
from django.contrib.auth.models import Group
from django.test import override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import PageViewRestriction

from portal.access.factories import UserFactory
from portal.access.sharing import share
from portal.documents.factories import DocumentFactory
from portal.documents.types import DocumentType
from portal.news.factories import make_section
from portal.news.models import ArticlePage

TYPES = [DocumentType.RESOLUTION, DocumentType.DIRECTIVE, DocumentType.CONCLUSION]
LEVELS = ["public", "internal", "restricted"]
GROUPS = 2
USERS = 3
# A view restriction on the section above an article.
RESTRICTIONS = [None, "login", "group 0", "group 1", "password"]
IDLE_WORKER = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}

access = {
    "access": st.sampled_from(LEVELS),
    "groups": st.frozensets(st.sampled_from(range(GROUPS))),
    "users": st.frozensets(st.sampled_from(range(USERS))),
    "live": st.booleans(),
}
items = st.lists(
    st.fixed_dictionaries(
        {
            "kind": st.sampled_from(["document", "article"]),
            "type": st.sampled_from(range(len(TYPES))),
            "restriction": st.sampled_from(RESTRICTIONS),
            **access,
        }
    ),
    min_size=1,
    max_size=6,
)
people = st.lists(
    st.fixed_dictionaries(
        {
            "role": st.sampled_from(["staff", "editor", "admin"]),
            "groups": st.frozensets(st.sampled_from(range(GROUPS))),
        }
    ),
    min_size=USERS,
    max_size=USERS,
)
# Changes of access made after indexing: (which item, its new access).
changes = st.lists(
    st.tuples(st.integers(min_value=0), st.fixed_dictionaries(access)), max_size=3
)
examples = itertools.count(1000)


def may_see(item, person, drafts=False):
    """The oracle: may ``person`` (None: an anonymous reader) see ``item``?"""
    if not (item["live"] or drafts):
        return False
    if person is not None and person["role"] == "admin":
        return True
    signed_in = person is not None
    if item["access"] == "internal" and not signed_in:
        return False
    if item["access"] == "restricted" and not (
        signed_in
        and (person["index"] in item["users"] or person["groups"] & item["groups"])
    ):
        return False
    restriction = item["restriction"] if item["kind"] == "article" else None
    if restriction == "login":
        return signed_in
    if restriction == "password":
        return False  # no listing asks for the password
    if restriction and restriction.startswith("group"):
        return signed_in and int(restriction.split()[1]) in person["groups"]
    return True


class Example:
    """One generated portal: groups, users, documents and articles."""

    def __init__(self, archive_page, home_page, items, people):
        number = next(examples)
        self.word = f"mau{number}x"
        self.groups = [
            Group.objects.create(name=f"Tổ {number}-{i}") for i in range(GROUPS)
        ]
        self.people = [
            {**person, "index": index} for index, person in enumerate(people)
        ]
        self.users = []
        for person in self.people:
            user = UserFactory(role=person["role"])
            user.groups.add(*(self.groups[i] for i in person["groups"]))
            self.users.append(user)
        self.archive_page = archive_page
        self.items = [dict(item) for item in items]
        self.objects = []
        self.sections = []
        for index, item in enumerate(self.items):
            item["token"] = f"{self.word}i{index}z"
            if item["kind"] == "document":
                self.objects.append(self.make_document(number * 10 + index, item))
            else:
                self.objects.append(self.make_article(home_page, number, index, item))

    def make_document(self, number, item):
        document_type = TYPES[item["type"]]
        document = DocumentFactory(
            symbol=f"{number}-{document_type.value}/TW",
            document_type=document_type,
            title=f"Văn bản {self.word} {item['token']}",
            access=item["access"],
            live=item["live"],
        )
        self.share(document, item)
        return document

    def make_article(self, home_page, number, index, item):
        section = make_section(
            home_page, title=f"Chuyên mục {number}-{index}", slug=f"cm-{number}-{index}"
        )
        self.sections.append(section)
        self.restrict(section, item["restriction"])
        article = section.add_child(
            instance=ArticlePage(
                title=f"Tin {self.word} {item['token']}",
                slug="tin",
                lead="Sáng nay đã diễn ra hội nghị.",
                access=item["access"],
                live=False,
            )
        )
        if item["live"]:
            article.save_revision().publish()
        self.share(article, item)
        return article

    def restrict(self, section, restriction):
        if restriction is None:
            return
        kind = restriction.split()[0]
        restriction_type = {
            "login": PageViewRestriction.LOGIN,
            "group": PageViewRestriction.GROUPS,
            "password": PageViewRestriction.PASSWORD,
        }[kind]
        view_restriction = PageViewRestriction.objects.create(
            page=section,
            restriction_type=restriction_type,
            password="mat-khau" if kind == "password" else "",
        )
        if kind == "group":
            view_restriction.groups.set([self.groups[int(restriction.split()[1])]])

    def share(self, obj, item):
        share(
            obj,
            [self.groups[i] for i in item["groups"]],
            [self.users[i] for i in item["users"]],
            by_user=None,
        )

    def change(self, index, new):
        """Change an item's access as editors do; returns whether anything changed."""
        item, obj = self.items[index], self.objects[index]
        before = {name: item[name] for name in new}
        obj.refresh_from_db()
        if new["live"] != item["live"]:
            if item["kind"] == "document":
                obj.live = new["live"]
                obj.save()
            elif new["live"]:
                obj.save_revision().publish()
            else:
                obj.unpublish()
            obj.refresh_from_db()
        if new["access"] != item["access"]:
            obj.access = new["access"]
            obj.save(update_fields=["access"])
        item.update(new)
        self.share(obj, item)
        return before != new

    def delete(self):
        for obj in self.objects:
            if isinstance(obj, ArticlePage):
                continue
            obj.delete()
        for section in self.sections:
            section.delete()
        for user in self.users:
            user.delete()
        for group in self.groups:
            group.delete()

    def viewers(self):
        """Each person with the account they sign in with, and an anonymous one."""
        return [(None, None), *zip(self.people, self.users, strict=True)]

    def visible(self, person, kind=None, drafts=False, withheld=()):
        return {
            item["token"]
            for index, item in enumerate(self.items)
            if may_see(item, person, drafts=drafts)
            and (kind is None or item["kind"] == kind)
            and index not in withheld
        }

    def tokens_in(self, text, kind=None):
        return {
            item["token"]
            for item in self.items
            if item["token"] in text and (kind is None or item["kind"] == kind)
        }


def sign_in(client, user):
    client.logout()
    if user is not None:
        client.force_login(user)


def check_search(client, example, withheld=()):
    """Hits, counts, facets and suggestions, as each user, match the oracle."""
    for person, user in example.viewers():
        sign_in(client, user)
        expected = example.visible(person, withheld=withheld)
        documents = [
            item
            for item in example.items
            if item["token"] in expected and item["kind"] == "document"
        ]

        data = client.get("/search/", {"q": example.word, "format": "json"}).json()
        suggested = client.get("/search/suggest/", {"q": example.word}).json()

        found = example.tokens_in(" ".join(hit["title"] for hit in data["results"]))
        assert found == expected, (person, "hits")
        assert data["count"] == len(expected), (person, "count")
        assert sum(data["facets"].get("type", {}).values()) == len(documents)
        assert Counter(data["facets"].get("year", {})) == Counter(
            {"2022": len(documents)} if documents else {}
        ), (person, "facets")
        titles = " ".join(hit["title"] for hit in suggested["results"])
        assert example.tokens_in(titles) == expected, (person, "suggestions")


def check_listings(client, example):
    """The archive, each section and the JSON API list exactly what each user
    may see."""
    for person, user in example.viewers():
        sign_in(client, user)
        archive = client.get(example.archive_page.url).content.decode()
        assert example.tokens_in(archive, "document") == example.visible(
            person, "document"
        ), (person, "archive")
        # A feed is a shared artefact: whoever reads it gets the public documents.
        feed = client.get("/feeds/van-ban/").content.decode()
        assert example.tokens_in(feed, "document") == example.visible(
            None, "document"
        ), (person, "documents feed")
        for kind, path in (("document", "documents"), ("article", "articles")):
            api = client.get(f"/api/v1/{path}/", {"q": example.word, "page_size": 50})
            titles = " ".join(item["title"] for item in api.json()["results"])
            assert example.tokens_in(titles, kind) == example.visible(person, kind), (
                person,
                "api",
                kind,
            )
        if person is not None and person["role"] == "admin":
            continue  # Wagtail itself decides whom a restricted section serves
        for section, item in zip(
            example.sections,
            [item for item in example.items if item["kind"] == "article"],
            strict=True,
        ):
            listing = client.get(section.url).content.decode()
            assert (item["token"] in listing) == may_see(item, person), (
                person,
                "section",
                item,
            )


def check_admin(client, example):
    """The snippet listing and chooser, the page explorer and the page chooser
    show editors and administrators exactly what they may see, drafts included."""
    for person, user in example.viewers():
        if person is None or person["role"] == "staff":
            continue  # no admin access
        sign_in(client, user)
        expected = example.visible(person, "document", drafts=True)
        for url in (
            "/admin/snippets/documents/document/",
            "/admin/snippets/choose/documents/document/",
        ):
            page = client.get(url)
            assert page.status_code == 200
            assert example.tokens_in(page.content.decode(), "document") == expected, (
                person,
                url,
            )
        articles = [item for item in example.items if item["kind"] == "article"]
        for section, item in zip(example.sections, articles, strict=True):
            for url in (
                f"/admin/pages/{section.pk}/",
                f"/admin/choose-page/{section.pk}/",
            ):
                text = client.get(url).content.decode()
                assert (item["token"] in text) == may_see(item, person, drafts=True), (
                    person,
                    url,
                    item,
                )


@pytest.mark.engine
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(items=items, people=people, changes=changes)
def test_every_surface_shows_exactly_what_each_user_may_see_before_and_after_changes(
    client,
    home_page,
    archive_page,
    search_backend,
    django_capture_on_commit_callbacks,
    items,
    people,
    changes,
):
    example = Example(archive_page, home_page, items, people)
    try:
        search_backend.refresh_indexes()
        check_search(client, example)
        check_listings(client, example)
        check_admin(client, example)

        # Access changes, with the index task queued and not run and the
        # transaction not yet committed.
        with override_settings(TASKS=IDLE_WORKER):
            with django_capture_on_commit_callbacks() as commit_hooks:
                changed = {
                    index % len(example.items)
                    for index, new in changes
                    if example.change(index % len(example.items), new)
                }
        search_backend.refresh_indexes()
        check_search(client, example, withheld=changed)
        check_listings(client, example)
        check_admin(client, example)

        # Once the commit has written them, the changed items are found again
        # by those who may see them.
        for hook in commit_hooks:
            hook()
        search_backend.refresh_indexes()
        check_search(client, example)
    finally:
        example.delete()
