"""The request id travels with the tasks a request queues (see context)."""

from django_tasks.signals import (
    log_task_started,
    task_enqueued,
    task_finished,
    task_started,
)
from django_tasks_db.models import DBTaskResult

from portal.operations.context import request_id_var

REQUEST_ID_KEY = "request_id"

_worker_tokens = {}


def remember_request_id(sender, task_result, **kwargs):
    """Store the current request id in the queued task's row."""
    request_id = request_id_var.get()
    db_result = getattr(task_result, "db_result", None)
    if request_id is None or db_result is None:
        return  # outside a request, or a backend that runs the task at once
    args_kwargs = {**db_result.args_kwargs, REQUEST_ID_KEY: request_id}
    DBTaskResult.objects.filter(pk=db_result.pk).update(args_kwargs=args_kwargs)


def bind_request_id(sender, task_result, **kwargs):
    """In the worker: the task's lines carry the id of the request that queued it."""
    db_result = getattr(task_result, "db_result", None)
    if db_result is None:
        return
    request_id = db_result.args_kwargs.get(REQUEST_ID_KEY)
    _worker_tokens[task_result.id] = request_id_var.set(request_id)


def unbind_request_id(sender, task_result, **kwargs):
    token = _worker_tokens.pop(task_result.id, None)
    if token is not None:
        request_id_var.reset(token)


def connect():
    task_enqueued.connect(remember_request_id)
    task_started.connect(bind_request_id)
    # django-tasks logs "Task … state=RUNNING" from a receiver of its own,
    # connected first: moved after ours, its line carries the request id too.
    task_started.disconnect(log_task_started)
    task_started.connect(log_task_started)
    # Connected after django-tasks' own, so its "finished" line still has it.
    task_finished.connect(unbind_request_id)
