"""The engine goes down and comes back: nothing edited meanwhile is lost."""

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from django.core.management import call_command
from wagtail.search.backends import get_search_backend

from portal.documents.factories import DocumentFactory
from search.models import PendingIndexUpdate

ENGINE_SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "elasticsearch.sh"


class Engine:
    """A node of its own, so that stopping it disturbs no other test."""

    def __init__(self):
        self.state = tempfile.mkdtemp(prefix="portal-outage-")

    def start(self):
        return subprocess.run(
            [str(ENGINE_SCRIPT), "start", self.state],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()

    def stop(self):
        subprocess.run([str(ENGINE_SCRIPT), "stop", self.state], check=True)

    def remove(self):
        self.stop()
        shutil.rmtree(self.state, ignore_errors=True)


@pytest.fixture
def engine():
    engine = Engine()
    yield engine
    engine.remove()


def use_engine(settings, url):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": [url],
            "INDEX_PREFIX": "portal_test_outage_",
            "TIMEOUT": 2,
        }
    }


def found(client, query):
    get_search_backend().refresh_indexes()
    return {
        hit["symbol"]
        for hit in client.get("/search/", {"q": query, "format": "json"}).json()[
            "results"
        ]
    }


@pytest.mark.engine
def test_changes_made_while_the_engine_is_down_are_indexed_once_it_is_back(
    client, archive_page, settings, engine
):
    use_engine(settings, engine.start())
    call_command("update_index", verbosity=0)
    edited = DocumentFactory(symbol="15-NQ/TW", title="Về phát triển Thủ đô")
    deleted = DocumentFactory(symbol="16-NQ/TW", title="Về Thủ đô văn hiến")
    assert found(client, "thu do") == {"15-NQ/TW", "16-NQ/TW"}

    engine.stop()
    DocumentFactory(symbol="17-NQ/TW", title="Về quy hoạch Thủ đô")
    edited.title = "Về phát triển Thủ đô xanh"
    edited.save()
    deleted.delete()
    page = client.get("/search/", {"q": "thu do"})
    assert page.status_code == 200
    assert "Tìm kiếm tạm thời không khả dụng" in page.content.decode()
    assert client.get("/search/", {"q": "thu do", "format": "json"}).status_code == 503
    assert PendingIndexUpdate.objects.count() == 3

    use_engine(settings, engine.start())
    call_command("replay_index_backlog", verbosity=0)

    assert found(client, "thu do") == {"15-NQ/TW", "17-NQ/TW"}
    assert found(client, "xanh") == {"15-NQ/TW"}
    assert not PendingIndexUpdate.objects.exists()
