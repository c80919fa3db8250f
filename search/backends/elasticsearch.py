"""Elasticsearch 9 backend with Vietnamese folding done in Python.

Wagtail's stock index settings rely on the analysis-common module (asciifolding,
edge n-grams), which the engine's minimal distributions lack. Folding text in
Python (see ``portal.core.text``) needs nothing beyond the engine's core, works the
same on every cluster, and matches what the database backend does. Autocomplete
uses the core ``index_prefixes`` feature instead of edge n-grams.
"""

import copy
import json
import logging
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

from elasticsearch import ApiError, TransportError
from modelsearch.backends.elasticsearch9 import (
    Elasticsearch9AutocompleteQueryCompiler,
    Elasticsearch9Mapping,
    Elasticsearch9SearchBackend,
    Elasticsearch9SearchQueryCompiler,
)
from modelsearch.backends.elasticsearchbase import Field
from modelsearch.index import AutocompleteField, SearchField
from modelsearch.query import PlainText

from portal.access import restrictions
from portal.access.principals import index_principals_for_user, sees_everything
from portal.core.symbols import symbol_key
from portal.core.text import fold, normalize, with_folded
from search.backends.portal import PortalSearchMixin
from search.models import PendingIndexUpdate
from search.query import SearchRequest, SearchResults
from search.registry import searchable_for

logger = logging.getLogger(__name__)

MAX_RESULT_WINDOW = 10_000
# Every bucket, not the engine's default top ten.
FACET_SIZES = {"type": 100, "issuer": 10_000, "year": 500, "status": 50}
TEXT_FIELDS = ["_all_text", "_all_text_boost_3_0^3", "_all_text_boost_5_0^5"]
SORTS = {
    "relevance": [
        "_score",
        {"portal.date": {"order": "desc", "unmapped_type": "date"}},
    ],
    "newest": [{"portal.date": {"order": "desc", "unmapped_type": "date"}}, "_score"],
}


def _index_text(value):
    if isinstance(value, str):
        return with_folded(value)
    if isinstance(value, list):
        return [_index_text(item) for item in value]
    return value


def fold_query(query):
    """A copy of a query tree whose every query string is normalised and folded."""
    query = copy.copy(query)
    if hasattr(query, "query_string"):
        query.query_string = fold(normalize(query.query_string))
    if hasattr(query, "subquery"):
        query.subquery = fold_query(query.subquery)
    if hasattr(query, "subqueries"):
        query.subqueries = [fold_query(sub) for sub in query.subqueries]
    return query


PREFIXES = {"min_chars": 1, "max_chars": 19}

# Fields every searchable kind of content shares (its registration's
# ``index_fields``, see ``search.registry``), so that one query spans them all.
PORTAL_PROPERTIES = {
    "kind": {"type": "keyword"},
    "principals": {"type": "keyword"},
    "paths": {"type": "keyword"},
    "live": {"type": "boolean"},
    "type": {"type": "keyword"},
    "issuer": {"type": "keyword"},
    "year": {"type": "keyword"},
    "status": {"type": "keyword"},
    "subject": {"type": "keyword"},
    "signer": {"type": "keyword"},
    "date": {"type": "date"},
    "symbol_key": {"type": "keyword"},
    "suggest": {"type": "text", "analyzer": "standard", "index_prefixes": PREFIXES},
}


class FoldingMapping(Elasticsearch9Mapping):
    edgengram_analyzer_config = {"analyzer": "standard", "index_prefixes": PREFIXES}

    def get_mapping(self):
        mapping = super().get_mapping()
        if searchable_for(self.model):
            mapping["properties"]["portal"] = {"properties": PORTAL_PROPERTIES}
        return mapping

    def get_document(self, obj):
        doc = super().get_document(obj)
        if searchable := searchable_for(type(obj)):
            fields = searchable.index_fields(obj)
            fields["suggest"] = with_folded(fields.get("suggest", ""))
            doc["portal"] = fields
        return doc

    def _get_document_field_data(self, field, obj):
        name, value, edgengrams = super()._get_document_field_data(field, obj)
        if isinstance(field, (SearchField, AutocompleteField)):
            value = _index_text(value)
        return name, value, [_index_text(item) for item in edgengrams]


class FoldingQueryMixin:
    mapping_class = FoldingMapping

    def __init__(self, queryset, query, *args, **kwargs):
        super().__init__(queryset, query, *args, **kwargs)
        self.query = fold_query(self.query)


class FoldingSearchQueryCompiler(FoldingQueryMixin, Elasticsearch9SearchQueryCompiler):
    pass


class FoldingAutocompleteQueryCompiler(
    FoldingQueryMixin, Elasticsearch9AutocompleteQueryCompiler
):
    def get_inner_query(self):
        if not isinstance(self.query, PlainText):
            return super().get_inner_query()
        fields = [Field(name) for name in (self.remapped_fields or ["_edgengrams"])]
        return {
            "multi_match": {
                "query": self.query.query_string,
                "type": "bool_prefix",
                "operator": "and",
                "fields": [field.field_name_with_boost for field in fields],
            }
        }


def engine_unreachable(error):
    """Whether an error means the engine is away, rather than the request wrong."""
    if isinstance(error, ApiError):
        return error.status_code in (429, 502, 503, 504)
    return isinstance(error, TransportError)


class PortalElasticsearchBackend(PortalSearchMixin, Elasticsearch9SearchBackend):
    mapping_class = FoldingMapping
    query_compiler_class = FoldingSearchQueryCompiler
    autocomplete_query_compiler_class = FoldingAutocompleteQueryCompiler
    settings = {
        "settings": {
            "index": {
                "max_result_window": MAX_RESULT_WINDOW,
                # A copy of every shard on a second node when the cluster has
                # one; none on a single node, which would stay yellow forever.
                "auto_expand_replicas": "0-1",
            }
        }
    }

    _sender = None
    # One client per configuration and process: Wagtail builds a backend for
    # each search, and a client of its own would open a new connection each time.
    _clients = {}

    def __init__(self, params):
        configuration = json.dumps(params, sort_keys=True, default=str)
        # Several URLs are nodes of one cluster: the client spreads requests over
        # them and sends one that a node refused or dropped to the next (a node
        # that failed is left alone for a while). Not one that timed out: the
        # node may have done it, and a write must not be done twice.
        params["OPTIONS"] = {
            "max_retries": max(3, len(params.get("URLS", []))),
            "retry_on_timeout": False,
            **params.get("OPTIONS", {}),
        }
        super().__init__(params)
        self.es = self._clients.setdefault(configuration, self.es)

    @contextmanager
    def bulk_loading(self, model):
        """Index a large load faster: no refreshes until it is done, and each
        batch sent from a thread while the caller prepares the next one."""
        name = self.get_index_for_model(model).name
        self._set_refresh_interval(name, "-1")
        self._sender, self._in_flight = ThreadPoolExecutor(max_workers=1), []
        try:
            yield
        finally:
            sender, self._sender = self._sender, None
            try:
                while self._in_flight:
                    self._settle(*self._in_flight.pop(0))
            finally:
                sender.shutdown()
                self._set_refresh_interval(name, None)

    def _set_refresh_interval(self, name, interval):
        try:
            self.es.indices.put_settings(
                index=name, settings={"index": {"refresh_interval": interval}}
            )
            if interval is None:
                self.es.indices.refresh(index=name)
        except (ApiError, TransportError):
            logger.warning(
                "could not set the refresh interval of %s", name, exc_info=True
            )

    def _send_in_background(self, model, obj_list):
        mapping = self.mapping_class(model)
        actions = [
            {"_id": mapping.get_document_id(obj), **mapping.get_document(obj)}
            for obj in obj_list
        ]
        index = self.get_index_for_model(model).name
        future = self._sender.submit(self.bulk, self.es, actions, index=index)
        self._in_flight.append((future, model, [obj.pk for obj in obj_list]))
        # At most two batches wait in memory for the engine.
        while len(self._in_flight) > 2:
            self._settle(*self._in_flight.pop(0))

    def _settle(self, future, model, pks):
        self._deferring(True, model, pks, future.result)

    # While the engine is unreachable, changes wait in the database (see
    # search.models.PendingIndexUpdate) instead of being lost.
    def add(self, obj, defer_on_failure=True):
        self._deferring(defer_on_failure, type(obj), [obj.pk], super().add, obj)

    def add_bulk(self, model, obj_list, defer_on_failure=True):
        if self._sender and defer_on_failure and obj_list:
            return self._send_in_background(model, obj_list)
        pks = [obj.pk for obj in obj_list]
        self._deferring(defer_on_failure, model, pks, super().add_bulk, model, obj_list)

    def delete(self, obj, defer_on_failure=True):
        # Until the engine drops a deleted item, queries leave it out.
        self._deferring(
            defer_on_failure, type(obj), [obj.pk], super().delete, obj, withhold=True
        )

    def _deferring(
        self, defer_on_failure, model, pks, operation, *args, withhold=False
    ):
        try:
            operation(*args)
        except (ApiError, TransportError) as error:
            if not (defer_on_failure and engine_unreachable(error)):
                raise
            logger.warning("search engine unreachable; %d update(s) deferred", len(pks))
            PendingIndexUpdate.remember(model, pks, withhold=withhold)

    def portal_search(self, request, user, models):
        body = {
            "query": self._portal_query(request, user),
            "sort": SORTS[request.sort],
            "from": request.offset,
            "size": request.per_page,
            "track_total_hits": True,
            "_source": ["pk", "_django_content_type"],
            "aggs": {
                name: {"terms": {"field": f"portal.{name}", "size": size}}
                for name, size in FACET_SIZES.items()
            },
        }
        if request.offset + request.per_page > MAX_RESULT_WINDOW:
            body["from"], body["size"] = 0, 0
        # Counting every bucket over most of the archive is the costly part; the
        # engine keeps the answer until the index next changes. The access
        # filters are part of the request, so a cached answer is one reader's.
        index = self._index_names(models)
        answer = self.es.search(index=index, request_cache=True, **body)
        relaxed = False
        if not answer["hits"]["total"]["value"] and request.may_relax:
            body["query"] = self._portal_query(request, user, operator="or")
            answer = self.es.search(index=index, request_cache=True, **body)
            relaxed = answer["hits"]["total"]["value"] > 0
        return SearchResults(
            request=request,
            count=answer["hits"]["total"]["value"],
            hits=self._load_hits(answer["hits"]["hits"], request.terms, user),
            facets={
                name: {
                    str(bucket["key"]): bucket["doc_count"]
                    for bucket in aggregation["buckets"]
                }
                for name, aggregation in answer["aggregations"].items()
            },
            relaxed=relaxed,
        )

    def portal_suggest(self, text, user, models, limit=8):
        request = SearchRequest(text=text)
        should = [
            {
                "multi_match": {
                    "query": " ".join(request.words),
                    "type": "bool_prefix",
                    "operator": "and",
                    "fields": ["portal.suggest"],
                }
            },
            {"prefix": {"portal.symbol_key": {"value": symbol_key(text), "boost": 5}}},
        ]
        query = {
            "bool": {
                "should": should,
                "minimum_should_match": 1,
                "filter": self._access_filters(user),
            }
        }
        answer = self.es.search(
            index=self._index_names(models),
            query=query,
            size=limit,
            _source=["pk", "_django_content_type"],
        )
        return self._load_hits(answer["hits"]["hits"], request.terms, user)

    def _index_names(self, models):
        return ",".join(sorted({self.get_index_for_model(m).name for m in models}))

    def _access_filters(self, user):
        filters = [{"term": {"portal.live": True}}]
        if not sees_everything(user):
            principals = index_principals_for_user(user)
            filters.append({"terms": {"portal.principals": principals}})
        if failed := restrictions.failed_paths(user):
            # Pages under a view restriction the user fails.
            filters.append({"bool": {"must_not": {"terms": {"portal.paths": failed}}}})
        withheld = [
            {
                "bool": {
                    "filter": [
                        {"term": {"_django_content_type": label}},
                        {"terms": {"pk": pks}},
                    ]
                }
            }
            for label, pks in PendingIndexUpdate.withheld_items().items()
        ]
        if withheld:
            filters.append({"bool": {"must_not": withheld}})
        return filters

    def _portal_query(self, request, user, operator="and"):
        filters = self._access_filters(user)
        for name, value in request.filters.items():
            filters.append({"term": {f"portal.{name}": str(value)}})
        if request.date_from or request.date_to:
            bounds = {}
            if request.date_from:
                bounds["gte"] = request.date_from.isoformat()
            if request.date_to:
                bounds["lte"] = request.date_to.isoformat()
            filters.append({"range": {"portal.date": bounds}})
        if not (request.words or request.phrases):
            return {"bool": {"must": {"match_all": {}}, "filter": filters}}

        text = [
            {"multi_match": {"query": phrase, "type": "phrase", "fields": TEXT_FIELDS}}
            for phrase in request.phrases
        ]
        # The text fields hold each word as written and folded, so a word typed
        # with diacritics finds only itself, and one typed without finds both.
        if request.words:
            text.append(
                {
                    "multi_match": {
                        "query": " ".join(request.words),
                        "fields": TEXT_FIELDS,
                        "operator": operator,
                    }
                }
            )
        alternatives = [{"bool": {"must": text}}]
        if key := request.symbol_key:
            alternatives += [
                {"term": {"portal.symbol_key": {"value": key, "boost": 100}}},
                {"prefix": {"portal.symbol_key": {"value": key, "boost": 20}}},
            ]
        return {
            "bool": {
                "must": {"bool": {"should": alternatives, "minimum_should_match": 1}},
                "filter": filters,
            }
        }

    def _load_hits(self, hits, terms, user):
        keys = [
            (hit["_source"]["_django_content_type"][0], hit["_source"]["pk"])
            for hit in hits
        ]
        return self.present(keys, terms, user)


SearchBackend = PortalElasticsearchBackend
