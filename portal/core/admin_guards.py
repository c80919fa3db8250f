"""Admin viewsets whose every per-item URL keeps to the items they may list."""

from functools import wraps

from django.contrib.admin.utils import unquote
from django.core.exceptions import ValidationError
from django.http import Http404
from django.urls import URLPattern


def only_within(view, get_queryset, pk_kwargs=("pk",)):
    """Wrap a view so that an item named by its URL outside ``get_queryset(request)``
    answers 404, for every method, before the view fetches it."""

    @wraps(view)
    def guarded(request, *args, **kwargs):
        for kwarg in pk_kwargs:
            if kwarg in kwargs and not _includes(get_queryset(request), kwargs[kwarg]):
                raise Http404
        return view(request, *args, **kwargs)

    return guarded


def _includes(queryset, pk):
    try:
        return queryset.filter(pk=unquote(str(pk))).exists()
    except (ValueError, ValidationError):
        return False


class GuardedViewSetMixin:
    """For a ModelViewSet or SnippetViewSet whose ``get_queryset(request)`` holds
    what a user may reach: every per-item URL of the viewset (edit, delete,
    history, usage, revisions, compare, preview, unpublish, lock, workflow, and
    any URL added later) answers 404 for any other item, before its view runs."""

    def get_urlpatterns(self):
        return [
            URLPattern(
                pattern.pattern,
                only_within(pattern.callback, self.get_queryset),
                pattern.default_args,
                pattern.name,
            )
            for pattern in super().get_urlpatterns()
        ]
