"""Elasticsearch 9 backend with Vietnamese folding done in Python.

Wagtail's stock index settings rely on the analysis-common module (asciifolding,
edge n-grams), which the engine's minimal distributions lack. Folding text in
Python (see ``search.text``) needs nothing beyond the engine's core, works the
same on every cluster, and matches what the database backend does. Autocomplete
uses the core ``index_prefixes`` feature instead of edge n-grams.
"""

import copy

from modelsearch.backends.elasticsearch9 import (
    Elasticsearch9AutocompleteQueryCompiler,
    Elasticsearch9Mapping,
    Elasticsearch9SearchBackend,
    Elasticsearch9SearchQueryCompiler,
)
from modelsearch.backends.elasticsearchbase import Field
from modelsearch.index import AutocompleteField, SearchField
from modelsearch.query import PlainText

from search.text import fold, normalize, with_folded


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


class FoldingMapping(Elasticsearch9Mapping):
    edgengram_analyzer_config = {
        "analyzer": "standard",
        "index_prefixes": {"min_chars": 1, "max_chars": 19},
    }

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


class PortalElasticsearchBackend(Elasticsearch9SearchBackend):
    mapping_class = FoldingMapping
    query_compiler_class = FoldingSearchQueryCompiler
    autocomplete_query_compiler_class = FoldingAutocompleteQueryCompiler
    settings = {"settings": {"index": {"max_result_window": 10000}}}


SearchBackend = PortalElasticsearchBackend
