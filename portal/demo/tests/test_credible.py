from datetime import date, timedelta

from django.core.management import call_command
from django.utils import timezone

from portal.comments.models import Comment
from portal.core.text import fold
from portal.demo.documents import term_of
from portal.documents.models import Document
from portal.news.models import ArticlePage

CENTRAL = {"Bộ Chính trị", "Ban Bí thư", "Văn phòng Trung ương Đảng"}
CITY = {
    "Ban Thường vụ Thành ủy",
    "Văn phòng Thành ủy",
    "Ban Tuyên giáo Thành ủy",
    "Ban Tổ chức Thành ủy",
}


def words(text):
    return fold(text).lower().replace(",", " ").replace(":", " ").split()


def test_terms_follow_the_congresses():
    assert term_of("TW", date(2025, 12, 30)) == "XIII"
    assert term_of("TW", date(2026, 2, 3)) == "XIV"
    assert term_of("VPTW", date(2021, 6, 1)) == "XIII"
    assert term_of("VPTU", date(2025, 9, 30)) == "XVII"
    assert term_of("BTCTU", date(2025, 11, 4)) == "XVIII"


def test_the_demo_is_dated_in_the_past_with_terms_and_statuses_that_fit(db):
    call_command("load_demo")
    now = timezone.now()

    assert not Comment.objects.filter(created_at__gt=now).exists()
    assert not ArticlePage.objects.filter(published_at__gt=now).exists()
    # Issue dates are the office's calendar days, not UTC's.
    assert not Document.objects.filter(issued_on__gt=timezone.localdate()).exists()
    for document in Document.objects.select_related("issuer"):
        issued, body = document.issued_on, document.issuer.name
        if body in CENTRAL and issued >= date(2026, 2, 1):
            assert document.term == "XIV", document
        if body in CENTRAL and date(2021, 3, 1) <= issued < date(2026, 1, 1):
            assert document.term == "XIII", document
        if body in CITY and issued >= date(2025, 11, 1):
            assert document.term == "XVIII", document
        if body in CITY and date(2020, 11, 1) <= issued < date(2025, 10, 1):
            assert document.term == "XVII", document
        assert document.effective_on and document.effective_on >= issued, document
        if issued > now.date() - timedelta(days=2 * 365):
            assert document.status == "in_force", document
    assert set(
        ArticlePage.objects.filter(featured=True).values_list("title", flat=True)
    ) == {
        "Hội nghị trực tuyến quán triệt nghị quyết của Trung ương",
        "Văn phòng Thành ủy ban hành hướng dẫn thể thức văn bản mới",
        "Đưa vào sử dụng phần mềm theo dõi, đôn đốc nhiệm vụ",
    }
    for title, lead in ArticlePage.objects.values_list("title", "lead"):
        title_words = {word for word in words(title) if len(word) > 3}
        assert title_words & set(words(lead)), title
    terms = set(Document.objects.values_list("term", flat=True))
    assert {"XIII", "XIV", "XVII", "XVIII"} <= terms
