from django.apps import apps
from django_tasks import task
from wagtail.search.backends import get_search_backend

from search.models import PendingIndexUpdate


@task()
def settle_index_task(label, pks):
    """Write withheld items to the engine; the worker's durable copy of what the
    commit hook does at once (see search.signal_handlers)."""
    PendingIndexUpdate.settle(get_search_backend(), apps.get_model(label), pks)
