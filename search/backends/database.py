"""The embedded default: Wagtail's database backend, plus the portal's search.

Each searchable model stores a folded, lower-cased ``search_text``; a query
requires every folded word in it, filters and counts in the database, and
ranks symbol matches first, then title matches, then the newest.
"""

from django.db.models import Case, Count, IntegerField, Q, Value, When
from modelsearch.backends.database import SearchBackend as vendor_backend

from search.backends.portal import PortalSearchMixin
from search.query import SearchResults

FACETS = ["type", "issuer", "year", "status"]


class PortalDatabaseSearchMixin(PortalSearchMixin):
    def portal_search(self, request, user, models):
        counts, ranked, facets = 0, [], {name: {} for name in FACETS}
        relaxed = False
        for model in self._with_search_text(models):
            queryset = self._filtered(model, request, user)
            matches = self._matching(queryset, request, "and")
            if not matches.exists() and request.may_relax:
                matches = self._matching(queryset, request, "or")
                relaxed = matches.exists()
            counts += matches.count()
            ranked += self._ranked(model, matches, request)
            for name in FACETS:
                field = model.search_db_fields[name]
                for row in matches.order_by().values(field).annotate(n=Count("pk")):
                    key = str(row[field])
                    facets[name][key] = facets[name].get(key, 0) + row["n"]
        ranked.sort(key=lambda row: row[0])
        window = ranked[request.offset : request.offset + request.per_page]
        return SearchResults(
            request=request,
            count=counts,
            hits=self.present(
                [(label, pk) for _rank, label, pk in window], request.terms
            ),
            facets=facets,
            relaxed=relaxed,
        )

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
        return self.present(keys[:limit], request.terms)

    def _with_search_text(self, models):
        # Pages keep no folded text of their own yet; articles will.
        return [model for model in models if hasattr(model, "search_db_fields")]

    def _filtered(self, model, request, user):
        fields = model.search_db_fields
        queryset = model.objects.visible_to(user)
        for name, value in request.filters.items():
            queryset = queryset.filter(**{fields[name]: value})
        if request.date_from:
            queryset = queryset.filter(**{f"{fields['date']}__gte": request.date_from})
        if request.date_to:
            queryset = queryset.filter(**{f"{fields['date']}__lte": request.date_to})
        return queryset

    def _matching(self, queryset, request, operator):
        text = Q()
        conditions = [
            Q(search_text__contains=f" {text} ")
            for text in request.words + request.phrases
        ]
        for condition in conditions:
            text = text & condition if operator == "and" else text | condition
        if key := request.symbol_key:
            text = text | Q(symbol_key__startswith=key)
        return queryset.filter(text)

    def _ranked(self, model, matches, request):
        """Symbol matches first, then by how many words the title and the whole
        text hold, then the newest."""
        key = request.symbol_key or "\\0"
        symbol_rank = Case(
            When(symbol_key=key, then=Value(0)),
            When(symbol_key__startswith=key, then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        )
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

        rows = matches.annotate(
            symbol_rank=symbol_rank,
            in_title=count_of("search_title"),
            in_text=count_of("search_text"),
        ).values_list(
            "symbol_rank", "in_title", "in_text", model.search_db_fields["date"], "pk"
        )
        label = model._meta.label
        if request.sort == "newest":
            return [((-day.toordinal(), s), label, pk) for s, _t, _x, day, pk in rows]
        return [
            ((s, -in_title, -in_text, -day.toordinal()), label, pk)
            for s, in_title, in_text, day, pk in rows
        ]


def SearchBackend(params):
    """Wagtail's database backend for this database, with the portal's search."""
    backend = vendor_backend(params)
    portal_class = type(
        f"Portal{type(backend).__name__}",
        (PortalDatabaseSearchMixin, type(backend)),
        {},
    )
    backend.__class__ = portal_class
    return backend
