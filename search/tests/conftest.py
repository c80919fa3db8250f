import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from wagtail.search.backends import get_search_backend

BACKENDS = {
    "database": {"BACKEND": "search.backends.database"},
    "elasticsearch": None,  # the test command's real node, from the settings
}


class Searcher:
    """Runs the portal's search the way a reader does: through /search/."""

    def __init__(self, client, backend):
        self.client = client
        self.backend = backend

    def refresh(self):
        self.backend.refresh_indexes()

    def get(self, **params):
        self.refresh()
        response = self.client.get("/search/", params)
        assert response.status_code == 200, response.content[:500]
        return response

    def json(self, **params):
        return self.get(format="json", **params).json()

    def symbols(self, query, **params):
        return [hit["symbol"] for hit in self.json(q=query, **params)["results"]]

    def suggest(self, query):
        self.refresh()
        response = self.client.get("/search/suggest/", {"q": query})
        assert response.status_code == 200
        return [hit["symbol"] for hit in response.json()["results"]]


@pytest.fixture(params=list(BACKENDS))
def searcher(request, client, settings, archive_page):
    """The search suite runs once on the embedded default and once on the engine."""
    if BACKENDS[request.param] is None:
        if not django_settings.ELASTICSEARCH_URL:
            pytest.fail("ELASTICSEARCH_URL is not set: run the suite with `make test`.")
        call_command("update_index", verbosity=0)
    else:
        settings.WAGTAILSEARCH_BACKENDS = {"default": BACKENDS[request.param]}
    return Searcher(client, get_search_backend())
