"""The embedded default: Wagtail's database backend, plus the portal's search.

Each searchable model stores its folded words in ``search_text`` (and its
title's in ``search_title``); a query requires every folded word as a whole
word, and one query returns each match with what the facets and the ranking
need: symbol matches first, then the most title words, then the newest.
"""

from collections import Counter

from django.db.models import Case, IntegerField, Q, Value, When
from modelsearch.backends.database import SearchBackend as vendor_backend

from search.backends.portal import PortalSearchMixin
from search.query import SearchResults

FACETS = ["type", "issuer", "year", "status"]


class PortalDatabaseSearchMixin(PortalSearchMixin):
    # Models with their own folded columns need no entries in Wagtail's index.
    def add(self, obj, defer_on_failure=True):
        if not hasattr(obj, "search_db_fields"):
            super().add(obj)

    def add_bulk(self, model, obj_list, defer_on_failure=True):
        if not hasattr(model, "search_db_fields"):
            super().add_bulk(model, obj_list)

    def delete(self, obj, defer_on_failure=True):
        super().delete(obj)

    def portal_search(self, request, user, models):
        rows = self._rows_of_all(models, request, user, "and")
        relaxed = False
        if not rows and request.may_relax:
            rows = self._rows_of_all(models, request, user, "or")
            relaxed = bool(rows)
        # One pass over the matches gives the count, every facet and the order.
        facets = {
            name: dict(
                Counter(str(row[name]) for row in rows if row.get(name) is not None)
            )
            for name in FACETS
        }
        if request.sort == "newest":
            rows.sort(key=lambda row: (-row["day"], row["symbol_rank"]))
        else:
            rows.sort(
                key=lambda row: (row["symbol_rank"], -row["in_title"], -row["day"])
            )
        window = rows[request.offset : request.offset + request.per_page]
        return SearchResults(
            request=request,
            count=len(rows),
            hits=self.present(
                [(row["label"], row["pk"]) for row in window], request.terms, user
            ),
            facets=facets,
            relaxed=relaxed,
        )

    def _rows_of_all(self, models, request, user, operator):
        return [
            row
            for model in self._with_search_text(models)
            for row in self._rows(
                model,
                self._matching(self._filtered(model, request, user), request, operator),
                request,
            )
        ]

    def portal_suggest(self, text, user, models, limit=8):
        from search.query import SearchRequest

        request = SearchRequest(text=text)
        keys = []
        for model in self._with_search_text(models):
            queryset = model.objects.visible_to(user)
            # Whole words, but the last may be the start of one being typed.
            *whole, last = request.words or [""]
            for word in whole:
                queryset = queryset.filter(search_title__contains=f" {word} ")
            queryset = queryset.filter(search_title__contains=f" {last}")
            newest = queryset.order_by(f"-{model.search_db_fields['date']}")
            keys += [
                (model._meta.label, pk)
                for pk in newest.values_list("pk", flat=True)[:limit]
            ]
        return self.present(keys[:limit], request.terms, user)

    def _with_search_text(self, models):
        # Only models that keep folded words (FoldedSearchText) are searched here.
        return [model for model in models if hasattr(model, "search_db_fields")]

    def _filtered(self, model, request, user):
        fields = model.search_db_fields
        queryset = model.objects.visible_to(user)
        for name, value in request.filters.items():
            if name not in fields:  # e.g. a document type asked of news articles
                return queryset.none()
            queryset = queryset.filter(**{fields[name]: value})
        day = fields["date"]
        if model._meta.get_field(day).get_internal_type() == "DateTimeField":
            day = f"{day}__date"
        if request.date_from:
            queryset = queryset.filter(**{f"{day}__gte": request.date_from})
        if request.date_to:
            queryset = queryset.filter(**{f"{day}__lte": request.date_to})
        return queryset

    def _matching(self, queryset, request, operator):
        symbol = queryset.model.search_db_fields.get("symbol")
        text = Q()
        conditions = [
            Q(search_text__contains=f" {text} ")
            for text in request.words + request.phrases
        ]
        for condition in conditions:
            text = text & condition if operator == "and" else text | condition
        if symbol and (key := request.symbol_key):
            text = text | Q(**{f"{symbol}__startswith": key})
        return queryset.filter(text)

    def _rows(self, model, matches, request):
        """Each match with what ranking and facets need, in a single query."""
        key = request.symbol_key or "\\0"
        words = request.words + request.phrases

        def count_of(field):
            return sum(
                (
                    Case(
                        When(**{f"{field}__contains": f" {word} "}, then=Value(1)),
                        default=Value(0),
                        output_field=IntegerField(),
                    )
                    for word in words
                ),
                Value(0),
            )

        fields = model.search_db_fields
        facets = [name for name in FACETS if name in fields]
        names = ["pk", "symbol_rank", "in_title", "date", *facets]
        symbol = fields.get("symbol")
        symbol_rank = (
            Case(
                When(**{symbol: key}, then=Value(0)),
                When(**{f"{symbol}__startswith": key}, then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            )
            if symbol
            else Value(2, output_field=IntegerField())
        )
        rows = matches.annotate(
            symbol_rank=symbol_rank, in_title=count_of("search_title")
        ).values_list(
            "pk",
            "symbol_rank",
            "in_title",
            fields["date"],
            *(fields[name] for name in facets),
        )
        label = model._meta.label
        found = [dict(zip(names, row, strict=True)) for row in rows]
        for row in found:
            row.update(label=label, day=row["date"].toordinal())
        return found


def SearchBackend(params):
    """Wagtail's database backend for this database, with the portal's search."""
    backend = vendor_backend(params)
    backend.__class__ = type(
        f"Portal{type(backend).__name__}",
        (PortalDatabaseSearchMixin, type(backend)),
        {},
    )
    return backend
