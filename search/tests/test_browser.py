"""The search page in Chromium: results first, facets aside, chips audited."""

import datetime

import pytest
from axe_playwright_python.sync_playwright import Axe

from portal.documents.factories import DocumentFactory, IssuingBodyFactory
from portal.documents.types import DocumentType, EffectiveStatus
from tests.browser import screenshot

pytestmark = pytest.mark.browser

QUERY = "/search/?q=chuyển+đổi+số&from=2015-01-01"


@pytest.fixture
def many_documents(settings, archive_page):
    """Enough types, bodies, years and statuses for four long facet lists."""
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "search.backends.database"}
    }
    types = list(DocumentType)
    statuses = list(EffectiveStatus)
    for n in range(24):
        DocumentFactory(
            symbol=f"{n + 1}-NQ/TU",
            document_type=types[n % len(types)] if n % 2 else DocumentType.RESOLUTION,
            issuer=IssuingBodyFactory(
                name=f"Ban Thường vụ Huyện ủy số {n % 12 + 1}",
                abbreviation=f"HU{n % 12 + 1}",
            ),
            issued_on=datetime.date(2014 + n % 12, 3, 1),
            status=statuses[n % len(statuses)],
            title=f"Về chuyển đổi số, đợt {n + 1}",
        )


def test_at_1366_by_900_the_first_result_is_in_view_beside_the_facets(
    browser_page, many_documents
):
    page = browser_page
    page.set_viewport_size({"width": 1366, "height": 900})
    page.goto(QUERY)

    first = page.locator(".search-result").first.bounding_box()
    facets = page.locator(".facets").bounding_box()
    assert first["y"] + first["height"] <= 900
    assert facets["x"] + facets["width"] <= first["x"]
    assert page.locator("details.facet-group[open]").count() == 4
    assert page.locator(".facet-more > summary").first.is_visible()  # long lists fold
    assert page.get_by_role("link", name="Bỏ bộ lọc Từ ngày: 01/01/2015").is_visible()
    screenshot(page, "search-page")

    results = Axe().run(page)
    serious = [
        f"{violation['id']}: {violation['help']}"
        for violation in results.response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]
    assert serious == []


def test_on_a_phone_the_facets_are_folded_and_a_chip_is_reached_by_keyboard(
    browser_page, many_documents
):
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(QUERY)

    assert page.locator("details.facet-group").count() == 4
    assert page.locator("details.facet-group[open]").count() == 0
    chip = page.get_by_role("link", name="Bỏ bộ lọc Từ ngày: 01/01/2015")
    chip.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "from=" not in page.url and "q=" in page.url
    page.goto(QUERY)
    screenshot(page, "search-page-narrow")
