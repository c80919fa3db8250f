"""What text recognition knows of the files it reads, as their apps tell it.

An app registers each model that holds a scanned file in its
``AppConfig.ready``::

    ocr.registry.register(
        Attachment,
        file=attrgetter("file"),
        recognised=Attachment.take_recognised_text,
        may_rerun=lambda user, attachment: …,
        backlog=lambda: Attachment.objects.filter(…),
        read=Attachment.extract_text,
    )

``file(holder)`` is the file to read; ``recognised(holder, recognition)`` is
called once a recognition is done or has failed, so the app indexes the text;
``may_rerun(user, holder)`` says who may run it again; ``backlog()`` gives the
holders whose files were never read, and ``read(holder)`` reads one of them as
a new upload would be (queuing a recognition when it needs one).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Scanned:
    file: Callable[[Any], Any]
    recognised: Callable[[Any, Any], None]
    may_rerun: Callable[[Any, Any], bool]
    backlog: Callable[[], Any]
    read: Callable[[Any], None]


_registry = {}


def register(model, **description):
    _registry[model] = Scanned(**description)


def scanned_for(model):
    for cls in model.__mro__:
        if cls in _registry:
            return _registry[cls]
    return None


def scanned_models():
    return list(_registry)
