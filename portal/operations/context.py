"""The request id: one per request, carried into the tasks it queues.

It lives in a context variable, so that every log line written while a request
is answered — or while the worker runs a task that request queued — can name
it without being handed it. A task keeps the id of the request that queued it
in its row of the database queue, beside its arguments (``args_kwargs``), and
the worker binds it again while the task runs.
"""

import re
import uuid
from contextlib import contextmanager
from contextvars import ContextVar

request_id_var = ContextVar("request_id", default=None)

# What a load balancer or a client may hand us: a UUID, a hex digest, a short
# token. Anything else (too long, spaces, control characters) could forge or
# break log lines and is replaced.
SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{7,63}")


def new_request_id():
    return uuid.uuid4().hex


def request_id_from(header):
    """The incoming ``X-Request-ID`` when it looks sane, otherwise a new one."""
    if header and SANE_REQUEST_ID.fullmatch(header):
        return header
    return new_request_id()


def current_request_id():
    return request_id_var.get()


@contextmanager
def bound_request_id(request_id):
    token = request_id_var.set(request_id)
    try:
        yield request_id
    finally:
        request_id_var.reset(token)
