"""Benchmark: the engine's time for each query kind with and without the index
of word pairs (``index_phrases``) on the text fields.

    .venv/bin/python bench/phrase_pairs.py \
        --database-url postgres://portal@127.0.0.1:5432/bench_100000 \
        --elasticsearch-url http://127.0.0.1:9200 --prefix bench_100000_ [--rounds 20]

On an archive kept by ``bench/scale.py --keep``: its documents' index is copied
twice, once with the pairs and once without, so that both copies are built the
same way (same segments, same data). The
portal's own search requests, as sent for each query of ``QUERY_MIX`` to an
anonymous reader and to the staff member ``bench/scale.py`` made, are then sent
to both copies in turn, with the engine's request cache off, and the table
gives the engine's ``took`` per kind and copy, with each copy's size.
"""

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.archive_search import QUERY_MIX, search_params  # noqa: E402
from bench.environment import portal_env  # noqa: E402
from bench.table import percentile, print_table  # noqa: E402


def copy_index(es, source, name, pairs):
    """A copy of ``source`` whose text fields have the index of pairs or not."""
    from elasticsearch import helpers

    mapping = es.indices.get_mapping(index=source)[source]["mappings"]
    for field_name, field in mapping["properties"].items():
        if field_name.startswith("_all_text"):
            field["index_phrases"] = pairs
    settings = es.indices.get_settings(index=source)[source]["settings"]["index"]
    kept = {
        key: settings[key]
        for key in ("analysis", "max_result_window")
        if key in settings
    }
    es.indices.delete(index=name, ignore_unavailable=True)
    es.indices.create(
        index=name,
        mappings=mapping,
        settings={**kept, "number_of_shards": 1, "number_of_replicas": 0},
    )
    # The engine's own reindex is a module the test distribution lacks.
    helpers.bulk(
        es.options(request_timeout=600),
        (
            {"_index": name, "_id": hit["_id"], "_source": hit["_source"]}
            for hit in helpers.scan(es, index=source, size=2000)
        ),
        chunk_size=2000,
    )
    es.indices.refresh(index=name)
    return es.indices.stats(index=name, metric="store")["_all"]["primaries"]["store"][
        "size_in_bytes"
    ]


def portal_requests(readers):
    """The request body the portal sends for each query, per reader and kind."""
    from elasticsearch import Elasticsearch

    sent = []
    engine_search = Elasticsearch.search

    def recording(self, *args, **kwargs):
        sent.append(kwargs)
        return engine_search(self, *args, **kwargs)

    Elasticsearch.search = recording
    requests = []
    try:
        for reader, client in readers.items():
            for kind, queries in QUERY_MIX.items():
                for query in queries:
                    del sent[:]
                    client.get("/search/", search_params(query))
                    body = {
                        key: value
                        for key, value in sent[0].items()
                        if key not in ("index", "request_cache")
                    }
                    requests.append((reader, kind, body))
    finally:
        Elasticsearch.search = engine_search
    return requests


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--elasticsearch-url", required=True)
    parser.add_argument("--prefix", required=True)
    parser.add_argument("--rounds", type=int, default=20)
    args = parser.parse_args()
    os.environ.update(
        portal_env(args.database_url, args.prefix, args.elasticsearch_url)
    )

    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client
    from wagtail.search.backends import get_search_backend

    from portal.documents.models import Document

    backend = get_search_backend()
    es = backend.es
    alias = backend.get_index_for_model(Document).name
    (source,) = es.indices.get_alias(name=alias)
    copies = {
        "without pairs": f"{source}_without_pairs",
        "with pairs": f"{source}_pairs",
    }
    sizes = {
        label: copy_index(es, source, name, pairs=label == "with pairs")
        for label, name in copies.items()
    }

    staff = Client()
    staff.force_login(get_user_model().objects.get(username="bench-staff"))
    requests = portal_requests({"anonymous": Client(), "staff": staff})
    took = {}
    for _ in range(args.rounds):
        for reader, kind, body in requests:
            for label, name in copies.items():
                answer = es.search(index=name, request_cache=False, **body)
                took.setdefault((kind, reader, label), []).append(answer["took"])
    es.indices.delete(index=",".join(copies.values()))

    print_table(
        ("query kind", "reader", "index", "n", "took p50 ms", "took p95 ms"),
        [
            (kind, reader, label, len(ms), percentile(ms, 0.5), percentile(ms, 0.95))
            for (kind, reader, label), ms in took.items()
        ],
    )
    print()
    print_table(
        ("index", "size MB"),
        [(label, f"{size / 1e6:.0f}") for label, size in sizes.items()],
    )


if __name__ == "__main__":
    main()
