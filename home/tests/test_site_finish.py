"""What every public page carries: a description for search engines and a
footer naming the office, editable in the admin's settings."""

import datetime
import re

import pytest
from wagtail.models import Site

from home.models import OfficeInformation
from portal.access.factories import UserFactory
from portal.documents.factories import DocumentFactory
from portal.documents.types import DocumentType
from portal.news.factories import make_article, make_section


def fill_office(site, **fields):
    office = OfficeInformation.for_site(site)
    values = {
        "office_name": "Văn phòng Thành ủy",
        "address": "Số 1 đường Trần Phú, Hà Nội",
        "phone": "024 3826 0000",
        "email": "vanphong@thanhuy.example.vn",
        "responsible": "Đồng chí Nguyễn Văn Thành, Chánh Văn phòng",
        "description": "Cổng thông tin của Văn phòng Thành ủy.",
    }
    values.update(fields)
    for field, value in values.items():
        setattr(office, field, value)
    office.save()
    return office


def descriptions(html):
    return re.findall(r'<meta name="description" content="([^"]*)"', html)


@pytest.fixture
def public_pages(archive_page):
    home = archive_page.get_parent()
    section = make_section(home)
    article = make_article(section, lead="Sáng nay đã diễn ra hội nghị sơ kết.")
    document = DocumentFactory(symbol="15-NQ/TW", title="Về phát triển Thủ đô")
    return {
        "/": None,
        section.url: None,
        article.url: "Sáng nay đã diễn ra hội nghị sơ kết.",
        archive_page.url: None,
        archive_page.document_url(
            document
        ): "Nghị quyết 15-NQ/TW: Về phát triển Thủ đô",
        "/van-ban/thong-ke/": "Số văn bản ban hành năm 2022",
        "/search/?q=thu+do": None,
        "/login/": None,
    }


def test_every_public_page_has_one_description(client, public_pages):
    fill_office(Site.objects.get(is_default_site=True))

    for url, expected in public_pages.items():
        found = descriptions(client.get(url).content.decode())
        assert len(found) == 1, url
        assert found[0].strip(), url
        assert found[0].startswith(expected or "Cổng thông tin của Văn phòng"), url


def test_pages_have_a_description_before_the_office_writes_one(client, home_page):
    for url in ("/", "/khong-co-trang-nay/"):
        found = descriptions(client.get(url).content.decode())
        assert found == [
            "Tin tức, văn bản đã ban hành và theo dõi, đôn đốc thực hiện nhiệm vụ "
            "của Văn phòng cấp ủy."
        ], url


def test_the_footer_names_the_office_and_who_is_chiefly_responsible(client, home_page):
    fill_office(Site.objects.get(is_default_site=True))

    html = client.get("/").content.decode()
    footer = html[html.index('<footer class="site-footer"') :]

    assert "Cơ quan chủ quản: Văn phòng Thành ủy" in footer
    assert "Địa chỉ: Số 1 đường Trần Phú, Hà Nội" in footer
    assert 'href="tel:02438260000"' in footer
    assert 'href="mailto:vanphong@thanhuy.example.vn"' in footer
    assert "Chịu trách nhiệm chính: Đồng chí Nguyễn Văn Thành" in footer


def test_a_changed_footer_shows_at_once_on_cached_pages(client, home_page):
    site = Site.objects.get(is_default_site=True)
    fill_office(site, phone="024 1111 1111")
    assert "024 1111 1111" in client.get("/").content.decode()

    fill_office(site, phone="024 2222 2222")

    assert "024 2222 2222" in client.get("/").content.decode()


def test_administrators_edit_the_office_information_in_the_admin(client, home_page):
    site = Site.objects.get(is_default_site=True)
    client.force_login(UserFactory(role="admin"))
    url = f"/admin/settings/home/officeinformation/{site.pk}/"

    form = client.get(url)
    response = client.post(
        url,
        {
            "office_name": "Văn phòng Quận ủy",
            "address": "Số 2 phố Huế",
            "phone": "024 3333 4444",
            "email": "vp@quanuy.example.vn",
            "responsible": "Đồng chí Lê Thị Hoa",
            "description": "",
        },
    )

    assert form.status_code == 200
    assert response.status_code == 302
    assert OfficeInformation.for_site(site).responsible == "Đồng chí Lê Thị Hoa"


def test_editors_do_not_edit_the_office_information(client, home_page):
    site = Site.objects.get(is_default_site=True)
    client.force_login(UserFactory(role="editor"))

    response = client.get(f"/admin/settings/home/officeinformation/{site.pk}/")

    assert response.status_code in (302, 403)


def test_the_archive_table_has_a_document_type_column(client, archive_page):
    DocumentFactory(symbol="05-CT/TW", document_type=DocumentType.DIRECTIVE)

    html = client.get(archive_page.url).content.decode()
    table = html[html.index('<table class="documents"') :]
    table = table[: table.index("</table>")]

    headers = re.findall(r'<th scope="col">([^<]*)</th>', table)
    assert len(headers) == 5
    assert headers[1] == "Loại văn bản"
    assert "<td>Chỉ thị</td>" in table


def test_statistics_tables_end_with_their_total(client, archive_page):
    for number in range(3):
        DocumentFactory(
            symbol=f"{number + 1}-TB/TW",
            document_type=DocumentType.NOTICE,
            issued_on=datetime.date(2023, 3, 1),
        )
    DocumentFactory(
        symbol="1-KL/TW",
        document_type=DocumentType.CONCLUSION,
        issued_on=datetime.date(2023, 5, 1),
    )

    html = client.get("/van-ban/thong-ke/?year=2023").content.decode()

    totals = re.findall(
        r'<tfoot><tr><th scope="row">Tổng cộng</th><td>(\d+)</td></tr></tfoot>', html
    )
    assert totals == ["4", "4"]
