import xml.etree.ElementTree as ET

from guardian.shortcuts import assign_perm

from portal.access.factories import UserFactory
from portal.documents.factories import DocumentFactory
from portal.documents.types import DocumentType


def feed_titles(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    return [item.findtext("title") for item in channel.findall("item")]


def test_the_documents_feed_carries_public_documents_only(client, archive_page):
    DocumentFactory(symbol="15-NQ/TW")
    DocumentFactory(symbol="16-NQ/TW", access="internal")
    restricted = DocumentFactory(symbol="17-NQ/TW", access="restricted")
    DocumentFactory(symbol="18-NQ/TW", live=False)
    # Even a signed-in reader the restricted document is shared with gets the
    # public feed: a feed is a shared artefact.
    reader = UserFactory(role="staff")
    assign_perm("documents.view_document", reader, restricted)
    client.force_login(reader)

    assert feed_titles(client, "/feeds/van-ban/") == ["Nghị quyết 15-NQ/TW"]


def test_a_type_feed_carries_only_that_type(client, archive_page):
    DocumentFactory(symbol="15-NQ/TW")
    DocumentFactory(symbol="05-CT/TW", document_type=DocumentType.DIRECTIVE)
    DocumentFactory(symbol="06-CT/TW", document_type=DocumentType.DIRECTIVE)
    DocumentFactory(
        symbol="07-CT/TW", document_type=DocumentType.DIRECTIVE, access="internal"
    )
    DocumentFactory(symbol="08-QĐi/TW", document_type=DocumentType.REGULATION)

    assert sorted(feed_titles(client, "/feeds/van-ban/ct/")) == [
        "Chỉ thị 05-CT/TW",
        "Chỉ thị 06-CT/TW",
    ]
    assert feed_titles(client, "/feeds/van-ban/qdi/") == ["Quy định 08-QĐi/TW"]


def test_an_unknown_type_feed_is_not_found(client, archive_page):
    assert client.get("/feeds/van-ban/khong-co/").status_code == 404


def test_the_feed_links_each_item_to_its_page_with_the_abstract(client, archive_page):
    document = DocumentFactory(symbol="15-NQ/TW", title="Về phát triển Thủ đô")

    channel = ET.fromstring(client.get("/feeds/van-ban/").content).find("channel")
    item = channel.find("item")

    assert item.findtext("link") == f"http://testserver/van-ban/{document.pk}-15-nqtw/"
    assert item.findtext("description") == "Về phát triển Thủ đô"


def test_the_archive_page_announces_its_feed(client, archive_page):
    content = client.get("/van-ban/").content.decode()

    assert 'type="application/rss+xml"' in content
    assert 'href="/feeds/van-ban/"' in content


def test_the_archive_filtered_by_type_announces_that_type_s_feed(client, archive_page):
    content = client.get("/van-ban/", {"type": "QĐi"}).content.decode()

    assert 'href="/feeds/van-ban/qdi/"' in content
