import datetime

import pytest
from guardian.shortcuts import assign_perm
from wagtail.models import PageViewRestriction

from portal.access.factories import UserFactory
from portal.news.factories import make_article, make_section


@pytest.fixture
def section(home_page):
    return make_section(home_page)


def day(n):
    return datetime.datetime(2023, 1, n, 1, 37, tzinfo=datetime.UTC)


def test_the_article_page_shows_the_news_page_fields_in_the_seeds_form(client, section):
    article = make_article(
        section,
        title="Đổi mới công tác tham mưu",
        lead="Năm 2022, Văn phòng cấp ủy tiếp tục đổi mới.",
        author="Trọng Toàn",
        body=[
            ("paragraph", "<p>Nội dung <b>chính</b>.</p>"),
            ("quote", {"text": "Kỷ cương, trách nhiệm", "source": ""}),
        ],
    )
    article.tags.add("Văn phòng")
    article.save_revision().publish()

    html = client.get(article.url).content.decode()

    assert "<h1>Đổi mới công tác tham mưu</h1>" in html
    assert "08:37 25/01/2023" in html
    assert "Trọng Toàn" in html
    assert "Năm 2022, Văn phòng cấp ủy tiếp tục đổi mới." in html
    assert "<b>chính</b>" in html and "Kỷ cương, trách nhiệm" in html
    assert "Từ khóa: Văn phòng" in html
    assert f'href="{section.url}"' in html  # breadcrumbs
    assert '<meta property="og:title" content="Đổi mới công tác tham mưu">' in html
    assert 'type="application/rss+xml"' in html


def test_newer_and_older_articles_of_the_section_are_listed(client, section):
    older = make_article(section, title="Bài cũ", published_at=day(1))
    current = make_article(section, title="Bài hiện tại", published_at=day(10))
    newer = make_article(section, title="Bài mới", published_at=day(20))
    make_article(section, title="Bài nội bộ", published_at=day(21), access="internal")

    response = client.get(current.url)

    assert [a["title"] for a in response.context["newer_articles"]] == [newer.title]
    assert [a["title"] for a in response.context["older_articles"]] == [older.title]
    html = response.content.decode()
    assert "Các bài mới đăng" in html and "Các bài đã đăng" in html
    assert "Bài nội bộ" not in html


def test_an_internal_article_asks_anonymous_readers_to_sign_in(client, section):
    article = make_article(section, access="internal")

    response = client.get(article.url)

    assert response.status_code == 302
    assert response["Location"].startswith("/login/")
    client.force_login(UserFactory(role="staff"))
    assert client.get(article.url).status_code == 200


def test_a_restricted_article_is_404_to_staff_it_is_not_shared_with(client, section):
    article = make_article(section, access="restricted")
    reader = UserFactory(role="staff")
    client.force_login(UserFactory(role="staff"))

    assert client.get(article.url).status_code == 404
    assign_perm("news.view_articlepage", reader, article)
    client.force_login(reader)
    assert client.get(article.url).status_code == 200


def test_the_section_lists_visible_articles_newest_first_in_pages(client, section):
    for n in range(12):
        make_article(section, title=f"Tin số {n}", published_at=day(n + 1))
    make_article(section, title="Tin nội bộ", published_at=day(28), access="internal")

    first = client.get(section.url)
    second = client.get(section.url, {"page": 2})

    assert [a.title for a in first.context["articles"]][:2] == [
        "Tin số 11",
        "Tin số 10",
    ]
    assert len(first.context["articles"]) == 10
    assert len(second.context["articles"]) == 2
    assert "Tin nội bộ" not in first.content.decode()


def test_feeds_carry_only_public_articles(client, section):
    make_article(section, title="Tin công khai")
    make_article(section, title="Tin nội bộ", access="internal")
    other = make_section(
        section.get_parent(), title="Chuyển đổi số", slug="chuyen-doi-so"
    )
    make_article(other, title="Tin chuyển đổi số")
    client.force_login(UserFactory(role="admin"))  # even for those who may see more

    everything = client.get("/feeds/").content.decode()
    one_section = client.get(f"/feeds/{section.slug}/").content.decode()

    assert "Tin công khai" in everything and "Tin chuyển đổi số" in everything
    assert "Tin nội bộ" not in everything
    assert "Tin chuyển đổi số" not in one_section
    assert client.get("/feeds/khong-co/").status_code == 404


def test_the_sitemap_lists_public_articles_only(client, section):
    public = make_article(section, title="Tin công khai", slug="tin-cong-khai")
    make_article(section, title="Tin nội bộ", slug="tin-noi-bo", access="internal")

    sitemap = client.get("/sitemap-trang.xml").content.decode()

    assert public.url in sitemap
    assert "tin-noi-bo" not in sitemap


def test_the_home_page_shows_featured_articles_sections_and_documents(
    client, section, archive_page
):
    from portal.documents.factories import DocumentFactory

    make_article(section, title="Tin nổi bật")
    DocumentFactory(symbol="15-NQ/TW", title="Về phát triển Thủ đô")
    DocumentFactory(symbol="16-NQ/TW", title="Văn bản nội bộ", access="internal")

    html = client.get("/").content.decode()

    assert "Tin nổi bật" in html and "Tin hoạt động" in html
    assert "15-NQ/TW" in html and "16-NQ/TW" not in html


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_the_admin(
    client, home_page
):
    response = client.get("/robots.txt")

    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_a_wagtail_view_restriction_on_the_section_still_guards_its_articles(
    client, section
):
    article = make_article(section, title="Bài trong chuyên mục hạn chế")
    assert client.get(article.url).status_code == 200

    PageViewRestriction.objects.create(
        page=section, restriction_type=PageViewRestriction.LOGIN
    )

    response = client.get(article.url)
    assert response.status_code == 302
    assert "/login/" in response["Location"]
