"""Search leaves out what lies under a view restriction the reader fails, on
both backends, and follows a restriction as soon as it is added or removed."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from portal.access.factories import UserFactory
from portal.documents.factories import DocumentFactory
from portal.documents.models import Document
from portal.news.factories import make_article, make_section

# Who finds an article in a section behind each kind of restriction; nobody
# finds what lies behind a shared password, which search never asks for.
FINDS = {
    PageViewRestriction.LOGIN: {"anonymous": False, "outsider": True, "member": True},
    PageViewRestriction.GROUPS: {"anonymous": False, "outsider": False, "member": True},
    PageViewRestriction.PASSWORD: {
        "anonymous": False,
        "outsider": False,
        "member": False,
    },
}


@pytest.fixture
def group(db):
    return Group.objects.create(name="Ban Tổ chức")


@pytest.fixture
def readers(group):
    member = UserFactory(role="staff")
    member.groups.add(group)
    return {"anonymous": None, "outsider": UserFactory(role="staff"), "member": member}


def restrict(page, kind, group):
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=kind, password="mat-khau"
    )
    restriction.groups.add(group)
    return restriction


def titles_found_by(searcher, user, query):
    searcher.client.logout()
    if user is not None:
        searcher.client.force_login(user)
    data = searcher.json(q=query)
    titles = sorted(hit["title"] for hit in data["results"])
    assert data["count"] == len(titles)
    return titles


@pytest.mark.parametrize("kind", list(FINDS))
def test_search_finds_an_article_only_for_those_who_pass_its_sections_restriction(
    searcher, home_page, group, readers, kind
):
    open_section = make_section(home_page, title="Tin chung", slug="tin-chung")
    section = make_section(home_page, title="Tin hạn chế", slug="tin-han-che")
    make_article(open_section, title="Hội nghị công khai", slug="cong-khai")
    make_article(section, title="Hội nghị hạn chế", slug="han-che")
    restrict(section, kind, group)

    for name, user in readers.items():
        expected = ["Hội nghị công khai"]
        if FINDS[kind][name]:
            expected = ["Hội nghị công khai", "Hội nghị hạn chế"]
        assert titles_found_by(searcher, user, "hoi nghi") == expected, name
    assert titles_found_by(searcher, UserFactory(role="admin"), "hoi nghi") == [
        "Hội nghị công khai",
        "Hội nghị hạn chế",
    ]


def test_a_restriction_added_or_removed_after_indexing_applies_at_once(
    searcher, home_page, group
):
    section = make_section(home_page, title="Tin hạn chế", slug="tin-han-che")
    make_article(section, title="Hội nghị hạn chế", slug="han-che")
    assert titles_found_by(searcher, None, "hoi nghi") == ["Hội nghị hạn chế"]

    restriction = restrict(section, PageViewRestriction.LOGIN, group)
    assert titles_found_by(searcher, None, "hoi nghi") == []

    restriction.restriction_type = PageViewRestriction.GROUPS
    restriction.save()
    assert titles_found_by(searcher, UserFactory(role="staff"), "hoi nghi") == []

    restriction.delete()
    assert titles_found_by(searcher, None, "hoi nghi") == ["Hội nghị hạn chế"]


def test_a_section_behind_a_login_is_not_found_by_anonymous_readers(
    searcher, home_page, group
):
    section = make_section(home_page, title="Chuyên mục nội bộ", slug="noi-bo")
    restrict(section, PageViewRestriction.LOGIN, group)

    assert titles_found_by(searcher, None, "chuyen muc noi bo") == []
    suggested = searcher.client.get("/search/suggest/", {"q": "chuyen muc"}).json()
    assert [hit["title"] for hit in suggested["results"]] == []


def test_documents_follow_a_restriction_on_the_archive_page(
    searcher, archive_page, group, readers
):
    DocumentFactory(symbol="15-NQ/TW", title="Nghị quyết về công tác văn phòng")
    restrict(archive_page, PageViewRestriction.LOGIN, group)

    title = "Nghị quyết về công tác văn phòng"
    assert title not in titles_found_by(searcher, None, "cong tac van phong")
    assert title in titles_found_by(searcher, readers["outsider"], "cong tac van phong")
    assert not Document.objects.visible_to(None).exists()
