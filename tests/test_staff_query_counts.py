"""The pages signed-in staff use most make as many queries with much more
content around them: the article page, the archive's listing, a document's
page and the intranet's home."""

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from guardian.shortcuts import assign_perm

from portal.access.factories import UserFactory
from portal.comments.factories import CommentFactory
from portal.comments.models import Comment
from portal.documents.factories import DocumentFactory, IssuingBodyFactory
from portal.documents.models import Attachment, DocumentRelation, SubjectArea
from portal.documents.types import RelationKind
from portal.followup.factories import MembershipFactory, TaskFactory, UnitFactory
from portal.news.factories import make_article, make_section

GROUPS = ["Cán bộ", "Biên tập viên", "Văn thư"]


def query_count(client, url):
    # The first request fills what is kept until the next change (the menu,
    # the site, content types); the second is what the page costs.
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.fixture
def staff(client, db, settings):
    settings.PORTAL_PAGE_CACHE_SECONDS = 0
    user = UserFactory()
    user.groups.set(Group.objects.filter(name__in=GROUPS))
    client.force_login(user)
    return user


@pytest.fixture
def site(home_page, archive_page, staff):
    section = make_section(home_page)
    article = make_article(section, title="Bài chính")
    issuer = IssuingBodyFactory(name="Ban Thường vụ Thành ủy", abbreviation="TU")
    document = DocumentFactory(symbol="01-NQ/TU", issuer=issuer, access="internal")
    unit = UnitFactory(name="Văn phòng Thành ủy")
    MembershipFactory(unit=unit, user=staff)
    return {
        "section": section,
        "article": article,
        "issuer": issuer,
        "document": document,
        "unit": unit,
        "editors": Group.objects.get(name="Biên tập viên"),
        "archive": archive_page,
        "added": 0,
    }


def add_content(site, staff, count):
    """``count`` more of everything the four pages show or look through."""
    first = site["added"]
    site["added"] += count
    article, document = site["article"], site["document"]
    for number in range(first, first + count):
        make_article(site["section"], title=f"Bài liên quan {number}")
        CommentFactory(page=article, status=Comment.Status.APPROVED)
        article.tags.add(f"chủ đề {number}")
        for offset, access in enumerate(("public", "internal", "restricted")):
            other = DocumentFactory(
                symbol=f"{3 * number + offset + 10}-TB/TU",
                issuer=site["issuer"],
                access=access,
            )
            if access == "restricted":
                assign_perm("documents.view_document", site["editors"], other)
        DocumentRelation.objects.create(
            source=document, target=other, kind=RelationKind.BASED_ON
        )
        attachment = Attachment(document=document, title=f"Phụ lục {number}")
        attachment.file.save(f"phu-luc-{number}.pdf", ContentFile(b"%PDF-1.4"))
        document.subject_areas.add(
            SubjectArea.objects.create(name=f"Lĩnh vực {number}")
        )
        TaskFactory(lead_unit=site["unit"], source_document=other)
    article.save_revision().publish()


def pages(site):
    return {
        "article page": site["article"].url,
        "archive listing": site["archive"].url,
        "document page": site["archive"].document_url(site["document"]),
        "intranet home": "/noi-bo/",
    }


@pytest.mark.parametrize(
    "page",
    [
        "article page",
        "archive listing",
        "document page",
        "intranet home",
    ],
)
def test_a_staff_page_makes_as_many_queries_with_much_more_content(
    client, site, staff, page
):
    add_content(site, staff, 2)
    url = pages(site)[page]
    few = query_count(client, url)

    add_content(site, staff, 12)
    many = query_count(client, url)

    assert many == few
