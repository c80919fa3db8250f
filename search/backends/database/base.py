"""The portal's search in SQL, shared by the backend of every database vendor.

Each searchable model stores its folded words in ``search_text`` (and its
title's in ``search_title``); a query requires every folded word as a whole
word. The database does the counting and the paging: one COUNT over the
matches of every model, one GROUP BY per facet and model, and one ordered
UNION of every model's matches of which only the asked page is read. The
order: an exact symbol, then a symbol's prefix, then the most title words,
then the newest.
"""

from collections import Counter

from django.db.models import Case, CharField, Count, F, Q, Value, When
from django.db.models.functions import TruncDate

from search.backends.portal import PortalSearchMixin
from search.query import SearchRequest, SearchResults

FACETS = ["type", "issuer", "year", "status"]
HIT = ["hit_label", "hit_pk", "hit_symbol_rank", "hit_in_title", "hit_day"]
ORDER = {
    "relevance": ["hit_symbol_rank", "-hit_in_title", "-hit_day"],
    "newest": ["-hit_day", "hit_symbol_rank"],
}
# Ties are broken the same way on every page, so that no hit shows twice.
TIE_BREAK = ["hit_label", "-hit_pk"]


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
        matches = self._matches(models, request, user, "and")
        count = self._count(matches)
        relaxed = False
        if not count and request.may_relax:
            matches = self._matches(models, request, user, "or")
            count = self._count(matches)
            relaxed = bool(count)
        if not count:
            return SearchResults(
                request=request, count=0, hits=[], facets={name: {} for name in FACETS}
            )
        ranked = [self._ranked(queryset, request) for queryset in matches]
        page = (
            ranked[0]
            .union(*ranked[1:], all=True)
            .order_by(*ORDER[request.sort], *TIE_BREAK)
        )[request.offset : request.offset + request.per_page]
        return SearchResults(
            request=request,
            count=count,
            hits=self.present(
                [(label, pk) for label, pk, *_ in page], request.terms, user
            ),
            facets=self._facets(matches),
            relaxed=relaxed,
        )

    def portal_suggest(self, text, user, models, limit=8):
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

    def _matches(self, models, request, user, operator):
        """Each model's matching items the user may see, as querysets."""
        return [
            self._matching(queryset, request, operator)
            for model in self._with_search_text(models)
            if (queryset := self._filtered(model, request, user)) is not None
        ]

    def _count(self, matches):
        if not matches:
            return 0
        pks = [queryset.order_by().values("pk") for queryset in matches]
        return pks[0].union(*pks[1:], all=True).count()

    def _facets(self, matches):
        """Every bucket of every facet, the largest first, as the engine gives them."""
        facets = {name: Counter() for name in FACETS}
        for queryset in matches:
            fields = queryset.model.search_db_fields
            for name in FACETS:
                if name not in fields:
                    continue
                buckets = (
                    queryset.order_by()
                    .values_list(fields[name])
                    .annotate(count=Count("pk"))
                )
                for value, count in buckets:
                    if value is not None:
                        facets[name][str(value)] += count
        return {
            name: dict(
                sorted(counts.items(), key=lambda bucket: (-bucket[1], bucket[0]))
            )
            for name, counts in facets.items()
        }

    def _filtered(self, model, request, user):
        """The model's items the user may see within the filters and dates, or
        None when a filter does not apply to the model (a document type asked
        of news articles)."""
        fields = model.search_db_fields
        queryset = model.objects.visible_to(user)
        for name, value in request.filters.items():
            if name not in fields:
                return None
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

    def _ranked(self, matches, request):
        """The matches as rows of ``HIT``: what the order needs, in SQL."""
        model = matches.model
        fields = model.search_db_fields
        symbol, key = fields.get("symbol"), request.symbol_key
        symbol_rank = (
            Case(
                When(**{symbol: key}, then=Value(0)),
                When(**{f"{symbol}__startswith": key}, then=Value(1)),
                default=Value(2),
            )
            if symbol and key
            else Value(2)
        )
        in_title = sum(
            (
                Case(
                    When(search_title__contains=f" {word} ", then=Value(1)),
                    default=Value(0),
                )
                for word in request.words + request.phrases
            ),
            Value(0),
        )
        date = fields["date"]
        is_moment = model._meta.get_field(date).get_internal_type() == "DateTimeField"
        return (
            matches.annotate(
                hit_label=Value(model._meta.label, output_field=CharField()),
                hit_pk=F("pk"),
                hit_symbol_rank=symbol_rank,
                hit_in_title=in_title,
                # The day in the portal's time zone, as the date filters read it.
                hit_day=TruncDate(date) if is_moment else F(date),
            )
            .values_list(*HIT)
            .order_by()
        )  # only the union is ordered
