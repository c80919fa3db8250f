"""Test data builders for the office's pages."""

from portal.organisation.models import (
    AboutPage,
    ContactPage,
    EnglishAboutPage,
    FunctionsPage,
    Leader,
    LeadershipPage,
    OrganisationChartPage,
)


def make_section(home):
    """The introduction with every page of the section under it."""
    about = home.add_child(
        instance=AboutPage(
            title="Giới thiệu",
            slug="gioi-thieu",
            intro="<p>Văn phòng Thành ủy là cơ quan tham mưu, giúp việc.</p>",
        )
    )
    pages = {
        "about": about,
        "functions": about.add_child(
            instance=FunctionsPage(
                title="Chức năng, nhiệm vụ",
                slug="chuc-nang-nhiem-vu",
                functions="<p>Tham mưu tổ chức, điều hành công việc.</p>",
            )
        ),
        "chart": about.add_child(
            instance=OrganisationChartPage(title="Sơ đồ tổ chức", slug="so-do")
        ),
        "leaders": about.add_child(
            instance=LeadershipPage(title="Lãnh đạo", slug="lanh-dao")
        ),
        "contact": about.add_child(
            instance=ContactPage(
                title="Liên hệ", slug="lien-he", address="Số 1 Trần Phú, Hà Nội"
            )
        ),
        "english": about.add_child(
            instance=EnglishAboutPage(
                title="About the Office",
                slug="english",
                body="<p>The Office advises the Party Committee.</p>",
            )
        ),
    }
    Leader.objects.create(
        page=pages["leaders"],
        name="Nguyễn Văn Thành",
        position="Chánh Văn phòng",
        phone="024 3826 0001",
    )
    return pages
