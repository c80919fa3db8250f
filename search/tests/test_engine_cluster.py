"""A two-node cluster: every shard has a copy on each node, and search keeps
answering when one node stops."""

import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from django.core.management import call_command
from wagtail.search.backends import get_search_backend

from portal.documents.factories import DocumentFactory
from portal.documents.models import Document

ENGINE_SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "elasticsearch.sh"


def engine_script(*args):
    done = subprocess.run(
        [str(ENGINE_SCRIPT), *args], capture_output=True, text=True, check=False
    )
    if done.returncode:
        pytest.fail(f"elasticsearch.sh {' '.join(args)} failed:\n{done.stderr}")
    return done.stdout.strip()


@pytest.fixture(scope="session")
def cluster():
    """Two nodes of their own, started once: stopping one disturbs no other test."""
    state = tempfile.mkdtemp(prefix="portal-cluster-")
    try:
        urls = engine_script("start-cluster", state, "2").split(",")
        yield {
            "urls": urls,
            "stop_node": lambda i: engine_script("stop-node", state, str(i)),
        }
    finally:
        engine_script("stop", state)
        shutil.rmtree(state, ignore_errors=True)


def use_engine(settings, urls):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": urls,
            "INDEX_PREFIX": "portal_test_cluster_",
            "TIMEOUT": 5,
        }
    }


def replicas(backend, model):
    name = backend.get_index_for_model(model).name
    index_settings = backend.es.indices.get_settings(index=name)
    return [
        entry["settings"]["index"]["number_of_replicas"]
        for entry in index_settings.values()
    ]


@pytest.mark.engine
def test_a_single_node_keeps_no_replica(search_backend):
    assert replicas(search_backend, Document) == ["0"]


@pytest.mark.engine
def test_search_answers_from_the_other_node_when_one_stops(
    client, archive_page, settings, cluster
):
    use_engine(settings, cluster["urls"])
    DocumentFactory(symbol="15-NQ/TW", title="Về phát triển Thủ đô")
    call_command("update_index", verbosity=0)
    backend = get_search_backend()
    backend.es.cluster.health(wait_for_status="green", timeout="60s")
    assert replicas(backend, Document) == ["1"]

    cluster["stop_node"](2)
    answers = [
        client.get("/search/", {"q": "thu do", "format": "json"}) for _ in range(4)
    ]

    assert [answer.status_code for answer in answers] == [200] * 4
    assert [
        [hit["symbol"] for hit in answer.json()["results"]] for answer in answers
    ] == [["15-NQ/TW"]] * 4
