from portal.access.factories import UserFactory
from portal.documents.factories import DocumentFactory
from portal.documents.models import DocumentRelation
from portal.documents.types import DocumentType


def diagram(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.context["relations"], response.content.decode()


def relate(source, kind, target):
    DocumentRelation.objects.create(source=source, kind=kind, target=target)


def test_the_diagram_shows_both_directions_grouped_by_label(client, archive_page):
    plan = DocumentFactory(symbol="20-KH/TW", document_type=DocumentType.PLAN)
    old = DocumentFactory(symbol="10-NQ/TW", title="Nghị quyết cũ")
    new = DocumentFactory(symbol="15-NQ/TW")
    amending = DocumentFactory(symbol="16-NQ/TW")
    relate(new, "replaces", old)
    relate(plan, "implements", new)
    relate(amending, "amends", new)

    relations, content = diagram(client, archive_page.document_url(new))

    assert [
        (label, [d.symbol for d in docs]) for label, docs in relations["outgoing"]
    ] == [("Thay thế", ["10-NQ/TW"])]
    assert sorted(
        (label, [d.symbol for d in docs]) for label, docs in relations["incoming"]
    ) == [
        ("Văn bản sửa đổi, bổ sung", ["16-NQ/TW"]),
        ("Văn bản thực hiện", ["20-KH/TW"]),
    ]
    assert 'class="relation-diagram"' in content
    assert f'href="{archive_page.document_url(old)}"' in content
    assert "Nghị quyết cũ" in content


def test_the_replaced_document_reads_replaced_by(client, archive_page):
    old = DocumentFactory(symbol="10-NQ/TW")
    new = DocumentFactory(symbol="15-NQ/TW")
    relate(new, "replaces", old)

    relations, _content = diagram(client, archive_page.document_url(old))

    assert relations["outgoing"] == []
    assert [label for label, _docs in relations["incoming"]] == ["Văn bản thay thế"]


def test_the_diagram_never_names_a_related_document_the_reader_may_not_see(
    client, archive_page
):
    public = DocumentFactory(symbol="15-NQ/TW")
    secret = DocumentFactory(
        symbol="99-NQ/TW", title="Trích yếu tuyệt mật", access="restricted"
    )
    internal = DocumentFactory(
        symbol="98-NQ/TW", title="Trích yếu nội bộ", access="internal"
    )
    relate(secret, "amends", public)
    relate(public, "replaces", internal)

    _relations, content = diagram(client, archive_page.document_url(public))
    assert "99-NQ/TW" not in content
    assert "Trích yếu tuyệt mật" not in content
    assert "98-NQ/TW" not in content
    assert "relation-diagram" not in content

    client.force_login(UserFactory(role="staff"))
    relations, content = diagram(client, archive_page.document_url(public))
    assert "98-NQ/TW" in content
    assert "99-NQ/TW" not in content
    assert "Trích yếu tuyệt mật" not in content
    assert relations["incoming"] == []
