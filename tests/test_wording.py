"""Wording as Vietnamese offices write it: no calques, one spelling, capitals
only where a sentence or a name begins."""

import re
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from portal.access.factories import UserFactory
from portal.comments.factories import CommentFactory
from portal.followup.factories import TaskFactory, UnitFactory, member_of
from portal.news.factories import make_article, make_section

ROOT = Path(__file__).resolve().parents[1]
# The old placement of the tone mark, where "khóa", "xóa", "hòa", "ủy" are written.
OLD_SPELLING = re.compile(
    r"(?i)\b(kho[áà]|xo[áà]|ho[àáạ]|to[àá]|tho[ảả]|u[ỷý] ban|thu[ỷý])\b"
)


@pytest.fixture(autouse=True)
def in_vietnamese():
    with translation.override("vi"):
        yield


def test_our_catalogues_and_templates_write_khoa_and_xoa_one_way():
    files = [
        *ROOT.glob("locale/vi/LC_MESSAGES/*.po"),
        *ROOT.glob("portal/*/locale/vi/LC_MESSAGES/*.po"),
    ]
    files += [*ROOT.glob("templates/**/*.html")]
    old = {
        f"{path.relative_to(ROOT)}: {match.group(0)}"
        for path in files
        for match in OLD_SPELLING.finditer(path.read_text(encoding="utf-8"))
    }
    assert old == set()


def test_library_strings_with_the_old_spelling_are_written_the_new_way():
    assert gettext("Search term") == "Từ khóa"
    assert gettext("Delete") == "Xóa"
    assert gettext("Page locked") == "Trang đang bị khóa"


def test_the_language_switch_names_each_language_in_itself(client, home_page):
    page = client.get("/").content.decode()

    switch = re.search(r'<select id="language".*?</select>', page, re.S).group(0)
    assert re.findall(r"<option[^>]*>([^<]+)</option>", switch) == [
        "Tiếng Việt",
        "English",
    ]
    assert 'lang="en"' in switch


def test_the_units_task_list_heading_reads_naturally(db):
    assert gettext("My units' tasks, most urgent first") == (
        "Nhiệm vụ của đơn vị, việc gấp xếp trước"
    )


def test_a_document_lists_what_implements_it_without_a_passive_calque():
    assert gettext("Implemented by") == "Văn bản thực hiện"
    assert gettext("Amended by") == "Văn bản sửa đổi, bổ sung"


def test_moderating_comments_reads_as_one_phrase(client, home_page):
    article = make_article(make_section(home_page), title="Hội nghị sơ kết")
    comment = CommentFactory(page=article)
    client.force_login(UserFactory(role="editor"))
    url = reverse("wagtail_bulk_action", args=("comments", "comment", "approve"))

    page = client.get(f"{url}?next=/admin/&id={comment.pk}").content.decode()

    assert "Duyệt bình luận" in page
    assert "Duyệt Bình luận" not in page


def test_the_progress_report_form_caps_the_percent_at_100(client, db):
    unit = UnitFactory()
    task = TaskFactory(lead_unit=unit)
    client.force_login(member_of(unit))

    page = client.get(reverse("followup:task", args=[task.pk])).content.decode()
    refused = client.post(
        reverse("followup:report", args=[task.pk]), {"text": "Đã họp", "percent": 140}
    ).content.decode()

    percent = re.search(r'<input[^>]*name="percent"[^>]*>', page).group(0)
    assert 'max="100"' in percent and 'min="0"' in percent
    assert "Giá trị phải nhỏ hơn hoặc bằng 100." in refused
