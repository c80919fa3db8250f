from wagtail.models import Page

UNREACHABLE_ENGINE = {
    "default": {
        "BACKEND": "search.backends.elasticsearch",
        "URLS": ["http://127.0.0.1:9"],
        "INDEX_PREFIX": "portal_test_unreachable_",
        "TIMEOUT": 1,
    }
}


def test_publishing_still_works_when_the_engine_is_unreachable(home_page, settings):
    settings.WAGTAILSEARCH_BACKENDS = UNREACHABLE_ENGINE
    page = home_page.add_child(instance=Page(title="Thông báo kết luận", live=False))

    page.save_revision().publish()

    page.refresh_from_db()
    assert page.live
