"""The limit on what one address may send through the readers' forms.

With several application servers the count lives in the cache they share
(``COMMENTS_RATE_CACHE``, Redis): one atomic increment per stored submission, in a
window that opens with the first. Without one, the stored submissions of the
window are counted, which every process on the one machine sees alike.
"""

from django.conf import settings
from django.core.cache import caches


def _shared_count():
    alias = settings.COMMENTS_RATE_CACHE
    return caches[alias] if alias else None


def _key(model, address):
    return f"reader-submissions:{model._meta.label_lower}:{address}"


def limit_reached(model, address):
    """Whether `address` has sent its allowance of `model` in the window."""
    if cache := _shared_count():
        sent = cache.get(_key(model, address), 0)
    else:
        sent = model.objects.recent_from(address).count()
    return sent >= settings.COMMENTS_RATE_LIMIT


def count_submission(model, address):
    """Count one stored submission (the database count needs nothing)."""
    if cache := _shared_count():
        key = _key(model, address)
        cache.add(key, 0, timeout=settings.COMMENTS_RATE_WINDOW)
        try:
            cache.incr(key)
        except ValueError:  # the window closed between the two calls
            cache.set(key, 1, timeout=settings.COMMENTS_RATE_WINDOW)
