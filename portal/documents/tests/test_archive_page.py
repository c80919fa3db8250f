import pytest
from django.core.files.base import ContentFile
from guardian.shortcuts import assign_perm

from portal.access.factories import UserFactory
from portal.documents.factories import DocumentFactory, IssuingBodyFactory
from portal.documents.models import Attachment, DocumentRelation
from portal.documents.types import DocumentType


@pytest.fixture
def documents(db):
    public = DocumentFactory(symbol="15-NQ/TW", title="Về phát triển Thủ đô")
    internal = DocumentFactory(
        symbol="16-NQ/TW", title="Văn bản nội bộ", access="internal"
    )
    restricted = DocumentFactory(
        symbol="17-NQ/TW", title="Văn bản mật", access="restricted"
    )
    draft = DocumentFactory(symbol="18-NQ/TW", title="Bản nháp", live=False)
    return {
        "public": public,
        "internal": internal,
        "restricted": restricted,
        "draft": draft,
    }


def listed(client, url):
    return {document.symbol for document in client.get(url).context["results"]}


def test_anonymous_readers_list_only_public_published_documents(
    client, archive_page, documents
):
    assert listed(client, "/van-ban/") == {"15-NQ/TW"}


def test_staff_also_list_internal_documents_and_what_is_shared_with_them(
    client, archive_page, documents
):
    staff = UserFactory(role="staff")
    client.force_login(staff)
    assert listed(client, "/van-ban/") == {"15-NQ/TW", "16-NQ/TW"}

    assign_perm("documents.view_document", staff, documents["restricted"])
    assert listed(client, "/van-ban/") == {"15-NQ/TW", "16-NQ/TW", "17-NQ/TW"}


def test_the_archive_filters_by_type_issuer_year_and_status(client, archive_page, db):
    city = IssuingBodyFactory(name="Ban Thường vụ Thành ủy", abbreviation="TU")
    DocumentFactory(symbol="15-NQ/TW")
    DocumentFactory(
        symbol="01-KL/TU", document_type=DocumentType.CONCLUSION, issuer=city
    )
    DocumentFactory(
        symbol="02-KL/TU",
        document_type=DocumentType.CONCLUSION,
        issuer=city,
        status="expired",
    )

    assert listed(client, "/van-ban/?type=KL") == {"01-KL/TU", "02-KL/TU"}
    assert listed(client, f"/van-ban/?issuer={city.pk}&status=expired") == {"02-KL/TU"}
    assert listed(client, "/van-ban/?year=2021") == set()


def test_the_archives_next_page_keeps_the_chosen_filters(client, archive_page, db):
    for n in range(21):
        DocumentFactory(symbol=f"{n + 1}-KL/TW", document_type=DocumentType.CONCLUSION)
    DocumentFactory(symbol="99-NQ/TW")

    response = client.get("/van-ban/?type=KL&status=in_force")

    assert 'href="?type=KL&amp;status=in_force&amp;page=2"' in response.content.decode()
    assert len(client.get("/van-ban/?type=KL&page=2").context["results"]) == 1


def test_the_document_page_shows_the_registers_metadata(
    client, archive_page, documents
):
    document = documents["public"]
    document.signer = "Nguyễn Phú Trọng"
    document.save()

    response = client.get(archive_page.document_url(document))

    html = response.content.decode()
    assert response.status_code == 200
    for label in (
        "Số ký hiệu",
        "Loại văn bản",
        "Cơ quan ban hành",
        "Người ký",
        "Ngày ban hành",
        "Ngày hiệu lực",
        "Tình trạng hiệu lực",
        "Lĩnh vực",
    ):
        assert label in html
    assert "15-NQ/TW" in html and "05/05/2022" in html and "Còn hiệu lực" in html
    assert client.get(archive_page.document_url(document) + "in/").status_code == 200


def test_a_restricted_document_is_404_to_staff_without_access(
    client, archive_page, documents
):
    client.force_login(UserFactory(role="staff"))

    response = client.get(archive_page.document_url(documents["restricted"]))

    assert response.status_code == 404
    assert "Văn bản mật" not in response.content.decode()


def test_an_anonymous_visitor_is_sent_to_sign_in_for_an_internal_document(
    client, archive_page, documents
):
    url = archive_page.document_url(documents["internal"])

    response = client.get(url)

    assert response.status_code == 302
    assert response["Location"].startswith("/login/?next=")


def test_drafts_are_not_published(client, archive_page, documents):
    client.force_login(UserFactory(role="staff"))

    assert client.get(archive_page.document_url(documents["draft"])).status_code == 404


def test_attachments_are_served_only_to_those_who_may_see_the_document(
    client, archive_page, documents
):
    attachment = Attachment(document=documents["restricted"], title="Phụ lục")
    attachment.file.save("phu-luc.pdf", ContentFile(b"%PDF-1.4"), save=True)
    url = archive_page.attachment_url(attachment)
    approver = UserFactory(role="approver")
    assign_perm(
        "documents.view_document", approver.groups.get(), documents["restricted"]
    )

    assert client.get(url).status_code == 302
    client.force_login(UserFactory(role="staff"))
    assert client.get(url).status_code == 404
    client.force_login(approver)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4"
    assert response["Cache-Control"] == "private, no-store"


def test_related_documents_show_in_both_directions_but_only_when_visible(
    client, archive_page, documents
):
    plan = DocumentFactory(
        symbol="09-KH/TU", document_type=DocumentType.PLAN, title="Kế hoạch thực hiện"
    )
    DocumentRelation.objects.create(
        source=plan, target=documents["public"], kind="implements"
    )
    DocumentRelation.objects.create(
        source=documents["restricted"], target=documents["public"], kind="amends"
    )

    resolution_page = client.get(
        archive_page.document_url(documents["public"])
    ).content.decode()
    plan_page = client.get(archive_page.document_url(plan)).content.decode()

    assert "Văn bản thực hiện" in resolution_page and "09-KH/TU" in resolution_page
    assert "17-NQ/TW" not in resolution_page
    assert "Thực hiện" in plan_page and "15-NQ/TW" in plan_page
