"""Which content takes part in the portal's search, as the apps registered it."""

from home.models import HomePage
from portal.documents.models import Document, IssuingBody
from portal.news.models import ArticlePage, SectionPage
from search.registry import facet_labels, searchable_for, searchable_models


def test_each_app_describes_its_own_content():
    assert searchable_for(Document).kind == "document"
    assert searchable_for(ArticlePage).kind == "article"


def test_pages_with_no_registration_of_their_own_take_part_as_plain_pages():
    assert searchable_for(HomePage).kind == "page"
    assert searchable_for(SectionPage).kind == "page"


def test_models_nobody_registered_take_no_part():
    assert searchable_for(IssuingBody) is None
    assert IssuingBody not in searchable_models()
    assert {Document, ArticlePage, HomePage} <= set(searchable_models())


def test_coded_facet_values_are_labelled_as_the_registering_app_says():
    labels = facet_labels([Document, ArticlePage])

    assert labels["type"]["NQ"] == "Nghị quyết"
    assert labels["status"]["in_force"] == "Còn hiệu lực"
