from portal.access.factories import UserFactory
from portal.news.factories import make_article, make_section


def test_news_and_documents_are_found_by_one_search(searcher, home_page):
    from portal.documents.factories import DocumentFactory

    section = make_section(home_page)
    make_article(
        section,
        title="Hội nghị trực tuyến về chuyển đổi số",
        lead="Kết nối các điểm cầu.",
    )
    make_article(section, title="Chuyển đổi số nội bộ", access="internal")
    DocumentFactory(symbol="15-NQ/TW", title="Về chuyển đổi số trong các cơ quan Đảng")

    data = searcher.json(q="chuyen doi so")

    kinds = sorted((hit["kind"], hit["title"]) for hit in data["results"])
    assert kinds == [
        ("article", "Hội nghị trực tuyến về chuyển đổi số"),
        ("document", "Về chuyển đổi số trong các cơ quan Đảng"),
    ]
    assert data["count"] == 2
    searcher.client.force_login(UserFactory(role="staff"))
    assert searcher.json(q="chuyen doi so")["count"] == 3


def test_a_document_type_filter_leaves_news_out(searcher, home_page):
    from portal.documents.factories import DocumentFactory

    make_article(make_section(home_page), title="Tin về chuyển đổi số")
    DocumentFactory(symbol="15-NQ/TW", title="Về chuyển đổi số")

    assert searcher.symbols("chuyển đổi số", type="NQ") == ["15-NQ/TW"]
