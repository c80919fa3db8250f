from .drafts import Draft, DraftQuerySet, DraftVersion
from .notices import DraftNotification
from .steps import ApprovalStep

__all__ = [
    "ApprovalStep",
    "Draft",
    "DraftNotification",
    "DraftQuerySet",
    "DraftVersion",
]
