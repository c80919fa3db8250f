"""What search tells whoever measures it (the metrics of portal.operations)."""

import time
from contextlib import contextmanager

from django.dispatch import Signal

# Sent after each query to the backend: kind ("search" or "suggest"), seconds,
# and failed (the backend raised).
query_answered = Signal()


@contextmanager
def timed_query(kind):
    started, failed = time.perf_counter(), True
    try:
        yield
        failed = False
    finally:
        query_answered.send(
            sender=None,
            kind=kind,
            seconds=time.perf_counter() - started,
            failed=failed,
        )
