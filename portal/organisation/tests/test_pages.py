import pytest
from wagtail.models import PageViewRestriction

from portal.followup.factories import UnitFactory
from portal.organisation.factories import make_section


@pytest.fixture
def section(home_page):
    return make_section(home_page)


def test_every_page_of_the_section_is_served_with_its_menu(client, section):
    for page in section.values():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        content = response.content.decode()
        for other in ("Giới thiệu", "Chức năng, nhiệm vụ", "Sơ đồ tổ chức", "Liên hệ"):
            assert f">{other}</a>" in content


def test_the_chart_is_drawn_from_the_units_tree(client, section):
    office = UnitFactory(name="Văn phòng Thành ủy")
    UnitFactory(name="Phòng Tổng hợp", parent=office)
    UnitFactory(name="Phòng Hành chính", parent=office)
    UnitFactory(name="Ban Tổ chức Thành ủy")

    response = client.get(section["chart"].url)

    # each level in Vietnamese order, as the units are listed everywhere
    chart = response.context["page"].chart()
    assert [node.unit.name for node in chart] == [
        "Ban Tổ chức Thành ủy",
        "Văn phòng Thành ủy",
    ]
    assert [node.unit.name for node in chart[1].children] == [
        "Phòng Hành chính",
        "Phòng Tổng hợp",
    ]
    content = response.content.decode()
    assert content.count('class="org-chart__unit"') == 4
    assert "Phòng Tổng hợp" in content


def test_the_chart_can_start_at_one_unit(client, section):
    office = UnitFactory(name="Văn phòng Thành ủy")
    UnitFactory(name="Phòng Tổng hợp", parent=office)
    UnitFactory(name="Ban Tổ chức Thành ủy")
    chart = section["chart"]
    chart.root_unit = office
    chart.save_revision().publish()

    content = client.get(chart.url).content.decode()

    assert "Phòng Tổng hợp" in content
    assert "Ban Tổ chức Thành ủy" not in content


def test_a_renamed_unit_shows_at_once_on_the_cached_chart(client, section):
    unit = UnitFactory(name="Phòng Tổng hợp")
    assert "Phòng Tổng hợp" in client.get(section["chart"].url).content.decode()

    unit.name = "Phòng Tổng hợp - Thông tin"
    unit.save()

    assert (
        "Phòng Tổng hợp - Thông tin"
        in client.get(section["chart"].url).content.decode()
    )


def test_the_leaders_and_the_contact_page_show_how_to_reach_the_office(client, section):
    leaders = client.get(section["leaders"].url).content.decode()
    contact = client.get(section["contact"].url).content.decode()

    assert "Nguyễn Văn Thành" in leaders
    assert "Chánh Văn phòng" in leaders
    assert 'href="tel:02438260001"' in leaders
    assert "Số 1 Trần Phú, Hà Nội" in contact


def test_the_english_page_and_the_introduction_link_to_each_other(client, section):
    about = client.get(section["about"].url).content.decode()
    english = client.get(section["english"].url).content.decode()

    assert f'hreflang="en" href="http://localhost{section["english"].url}"' in about
    assert f'href="{section["english"].url}" lang="en" hreflang="en"' in about
    assert '<article class="organisation" lang="en">' in english
    assert f'href="{section["about"].url}" lang="vi" hreflang="vi"' in english


def test_the_footer_of_every_page_links_the_section(client, section, home_page):
    content = client.get(home_page.url).content.decode()

    assert f'<a href="{section["about"].url}">Giới thiệu</a>' in content
    assert f'<a href="{section["contact"].url}">Liên hệ</a>' in content
    assert f'<a href="{section["english"].url}" lang="en"' in content


def test_a_restricted_page_of_the_section_is_not_in_the_footer(client, section):
    PageViewRestriction.objects.create(
        page=section["leaders"], restriction_type=PageViewRestriction.LOGIN
    )

    content = client.get("/").content.decode()

    assert section["contact"].url in content
    assert section["leaders"].url not in content
