"""Page addresses in ASCII, made from the Vietnamese title."""

import html as html_module
import json
import re

from portal.access.factories import UserFactory
from portal.core.text import ascii_slug
from portal.core.widgets import vietnamese_slug_formatters
from portal.news.factories import make_section
from portal.news.models import ArticlePage, SectionPage


def test_a_slug_drops_the_marks_and_writes_d_with_stroke_as_d():
    assert ascii_slug("Hội nghị đổi mới phương thức lãnh đạo") == (
        "hoi-nghi-doi-moi-phuong-thuc-lanh-dao"
    )
    assert ascii_slug("ĐẢNG BỘ Thành phố: Ủy ban Kiểm tra") == (
        "dang-bo-thanh-pho-uy-ban-kiem-tra"
    )


def test_a_page_created_in_code_without_a_slug_gets_an_ascii_one(home_page):
    section = home_page.add_child(instance=SectionPage(title="Đảng ủy Khối"))
    twin = home_page.add_child(instance=SectionPage(title="Đảng ủy khối"))

    assert section.slug == "dang-uy-khoi"
    assert twin.slug == "dang-uy-khoi-2"
    assert section.url == "/dang-uy-khoi/"


def test_a_slug_typed_by_the_editor_is_kept(home_page):
    section = home_page.add_child(
        instance=SectionPage(title="Đảng ủy Khối", slug="dang-uy")
    )

    assert section.slug == "dang-uy"


def test_the_admin_stores_an_ascii_slug_when_the_editor_types_vietnamese_letters(
    client, home_page
):
    section = make_section(home_page)
    client.force_login(UserFactory(role="editor"))

    response = client.post(
        f"/admin/pages/add/news/articlepage/{section.pk}/",
        {
            "title": "Đổi mới công tác đảng viên",
            "slug": "đổi-mới-công-tác-đảng-viên",
            "lead": "Sáng nay đã diễn ra hội nghị.",
            "published_at": "2026-03-05 08:30",
            "body-count": "0",
            "access": "public",
            "comments-TOTAL_FORMS": "0",
            "comments-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 302, response.context["form"].errors
    assert ArticlePage.objects.get().slug == "doi-moi-cong-tac-dang-vien"


def test_a_slug_typed_with_vietnamese_letters_is_written_in_ascii(home_page):
    section = home_page.add_child(
        instance=SectionPage(title="Đảng ủy Khối", slug="đảng-ủy")
    )

    assert section.slug == "dang-uy"


def test_the_admin_slug_field_carries_the_vietnamese_letters_to_fold(client, home_page):
    section = make_section(home_page)
    client.force_login(UserFactory(role="editor"))

    html = client.get(f"/admin/pages/add/news/articlepage/{section.pk}/").content
    html = html.decode()

    slug_input = re.search(r'<input[^>]*name="slug"[^>]*>', html).group(0)
    # WAGTAIL_ALLOW_UNICODE_SLUGS off: the attribute is left out, the script's
    # default (ASCII) applies.
    assert "data-w-slug-allow-unicode-value" not in slug_input
    formatters = json.loads(
        html_module.unescape(
            re.search(r'data-w-slug-formatters-value="([^"]*)"', slug_input).group(1)
        )
    )
    replacements = {
        replacement: pattern for (pattern, *_flags), replacement in formatters
    }
    assert "đ" in replacements["d"]
    assert "ộ" in replacements["o"]


def test_every_vietnamese_letter_has_a_formatter_that_folds_it():
    formatters = vietnamese_slug_formatters()
    text = "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
    for pattern, replacement in formatters:
        text = re.sub(pattern, replacement, text.upper()).lower()
    assert text == "a" * 17 + "d" + "e" * 11 + "i" * 5 + "o" * 17 + "u" * 11 + "y" * 5
