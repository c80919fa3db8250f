"""The sitemap announces every public document, at the site's real address."""

from wagtail.models import PageViewRestriction, Site

from portal.documents.factories import DocumentFactory


def use_real_address(home_page):
    Site.objects.filter(is_default_site=True).update(
        hostname="congthongtin.vptu.vn", port=443
    )


def test_the_sitemap_is_an_index_of_the_pages_and_the_archive(client, archive_page):
    use_real_address(archive_page)

    index = client.get("/sitemap.xml")

    body = index.content.decode()
    assert index.status_code == 200
    assert "<sitemapindex" in body
    assert "/sitemap-trang.xml</loc>" in body
    assert "/sitemap-van-ban.xml</loc>" in body


def test_the_archive_sitemap_lists_public_documents_at_the_sites_address(
    client, archive_page
):
    use_real_address(archive_page)
    public = DocumentFactory(symbol="15-NQ/TW", title="Về phát triển Thủ đô")
    DocumentFactory(symbol="16-NQ/TW", access="internal")
    DocumentFactory(symbol="17-NQ/TW", access="restricted")
    DocumentFactory(symbol="18-NQ/TW", live=False)

    body = client.get("/sitemap-van-ban.xml").content.decode()

    assert (
        f"<loc>https://congthongtin.vptu.vn/van-ban/{public.pk}-15-nqtw/</loc>" in body
    )
    assert body.count("<loc>") == 1
    assert "localhost" not in body


def test_the_pages_sitemap_uses_the_sites_address(client, archive_page):
    use_real_address(archive_page)

    body = client.get("/sitemap-trang.xml").content.decode()

    assert "<loc>https://congthongtin.vptu.vn/van-ban/</loc>" in body
    assert "localhost" not in body


def test_no_document_is_announced_while_the_archive_page_is_restricted(
    client, archive_page
):
    DocumentFactory(symbol="15-NQ/TW")
    PageViewRestriction.objects.create(
        page=archive_page, restriction_type=PageViewRestriction.LOGIN
    )

    body = client.get("/sitemap-van-ban.xml").content.decode()

    assert "<loc>" not in body
