"""Keeping the engine's entries honest when who may see an item changes."""

import logging
from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete
from wagtail.search.backends import get_search_backend
from wagtail.search.index import remove_object

from portal.access.signals import visibility_changed
from search.models import PendingIndexUpdate
from search.registry import searchable_for
from search.tasks import settle_index_task

logger = logging.getLogger(__name__)


def withhold_until_indexed(sender, pks, **kwargs):
    """Leave the items out of every engine query until the engine holds their
    new entries: written at once after the commit, whether or not the worker
    runs, and by the worker and the backlog replay should that fail."""
    pks = [str(pk) for pk in pks]
    if not pks:
        return
    PendingIndexUpdate.remember(sender, pks, withhold=True)
    settle_index_task.enqueue(sender._meta.label, pks)
    transaction.on_commit(partial(settle_now, sender, pks))


def settle_now(model, pks):
    try:
        PendingIndexUpdate.settle(get_search_backend(), model, pks)
    except Exception:  # the engine is away: the items stay withheld
        logger.warning("could not write %d withheld item(s) yet", len(pks))


def register_signal_handlers():
    visibility_changed.connect(withhold_until_indexed)
    post_delete.connect(remove_object_on_delete)


def remove_object_on_delete(sender, instance, **kwargs):
    # Wagtail removes entries only of the models it updates itself; every
    # deletion, one by one or by a queryset, must remove the entry. Asked at
    # deletion, since apps register after search is ready.
    if searchable_for(sender) and not getattr(sender, "search_auto_update", True):
        remove_object(instance)
