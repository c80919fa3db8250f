"""The portal's search in SQL, shared by the backend of every database vendor.

Each searchable model stores its folded words in ``search_text`` (and its
title's in ``search_title``); a query requires every folded word as a whole
word. The database counts, groups, orders and pages: one statement scans the
text once and answers the count, every facet's buckets and the asked page's
keys, whatever the number of matches. The order: an exact symbol, then a
symbol's prefix, then the most title words, then the newest.
"""

from django.core.exceptions import EmptyResultSet
from django.db import connections
from django.db.models import Case, CharField, F, Q, Value, When
from django.db.models.functions import Cast, TruncDate

from search.backends.portal import PortalSearchMixin
from search.query import SearchRequest, SearchResults

FACETS = ["type", "issuer", "year", "status"]
FACET_COLUMNS = [f"facet_{name}" for name in FACETS]
HIT = ["hit_label", "hit_pk", "hit_symbol_rank", "hit_in_title", "hit_day"]
# Ties are broken the same way on every page (label, then key), so that no hit
# shows twice.
ORDER = {
    "relevance": "hit_symbol_rank, hit_in_title DESC, hit_day DESC, hit_label, hit_pk",
    "newest": "hit_day DESC, hit_symbol_rank, hit_label, hit_pk",
}
# What one statement answers about the hits: the page's keys in order, the
# count, and each facet's buckets, as rows of (answer, value, pk, number).
ANSWERS = " UNION ALL ".join(
    [
        # A LIMIT lets the database keep only the best rows while it reads the
        # hits, instead of sorting them all to number them; the page's own
        # rows are numbered afterwards, to give them back in order.
        "SELECT 'page', hit_label, hit_pk, ROW_NUMBER() OVER (ORDER BY {order}) FROM ("
        " SELECT * FROM hits ORDER BY {order} LIMIT %s OFFSET %s) AS page",
        "SELECT 'count', NULL, NULL, COUNT(*) FROM hits",
        *(
            f"SELECT '{name}', {column}, NULL, COUNT(*) FROM hits"
            f" WHERE {column} IS NOT NULL GROUP BY {column}"
            for name, column in zip(FACETS, FACET_COLUMNS, strict=True)
        ),
    ]
)


def largest_first(bucket):
    value, count = bucket
    return -count, value


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
        count, facets, keys = self._answer(matches, request)
        relaxed = False
        if not count and request.may_relax:
            matches = self._matches(models, request, user, "or")
            count, facets, keys = self._answer(matches, request)
            relaxed = bool(count)
        return SearchResults(
            request=request,
            count=count,
            hits=self.present(keys, request.terms, user),
            facets=facets,
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

    def _answer(self, matches, request):
        """The number of matches, every facet's buckets (the largest first, as
        the engine gives them) and the ``(label, pk)`` of the asked page's hits.

        Every model's matches, with what the order and the facets need, form
        one UNION, which the database reads once (a CTE used several times is
        materialised) to count, group and page them: the text, the costly part,
        is scanned once, and only the page and the buckets come back.
        """
        facets = {name: {} for name in FACETS}
        hits = [self._hit_rows(queryset, request) for queryset in matches]
        if not hits:
            return 0, facets, []
        union = hits[0].union(*hits[1:], all=True)
        try:
            sql, params = union.query.get_compiler(union.db).as_sql()
        except EmptyResultSet:  # nothing the user may see
            return 0, facets, []
        answers = ANSWERS.format(order=ORDER[request.sort])
        window = [request.per_page, request.offset]
        with connections[union.db].cursor() as cursor:
            cursor.execute(f"WITH hits AS ({sql}) {answers}", [*params, *window])
            rows = cursor.fetchall()
        count, page = 0, []
        for answer, value, pk, number in rows:
            if answer == "page":
                page.append((number, value, pk))
            elif answer == "count":
                count = number
            else:
                facets[answer][value] = number
        facets = {
            name: dict(sorted(buckets.items(), key=largest_first))
            for name, buckets in facets.items()
        }
        return count, facets, [(label, pk) for _, label, pk in sorted(page)]

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
        if request.words or request.phrases:
            text = self._text_q(
                queryset.model, request.words, request.phrases, operator
            )
        if symbol and (key := request.symbol_key):
            text = text | Q(**{f"{symbol}__startswith": key})
        return queryset.filter(text)

    def _text_q(self, model, words, phrases, operator):
        """Items whose folded text has every word and phrase (or, with "or",
        any), each as whole words: a scan of the text with ``LIKE``."""
        conditions = [Q(search_text__contains=f" {text} ") for text in words + phrases]
        text = conditions[0]
        for condition in conditions[1:]:
            text = text & condition if operator == "and" else text | condition
        return text

    def _hit_rows(self, matches, request):
        """The matches as rows of ``HIT`` and ``FACET_COLUMNS``: what the order
        and the facets need."""
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
                **self._facet_columns(model),
            )
            .values_list(*HIT, *FACET_COLUMNS)
            .order_by()
        )

    def _facet_columns(self, model):
        # As text: a facet may be a number in one model and absent from another,
        # and each column of the UNION has one type.
        fields = model.search_db_fields
        return {
            column: Cast(fields[name], CharField())
            if name in fields
            else Value(None, output_field=CharField())
            for name, column in zip(FACETS, FACET_COLUMNS, strict=True)
        }
