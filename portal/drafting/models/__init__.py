from .drafts import Draft, DraftQuerySet
from .notices import DraftNotification
from .steps import ApprovalStep
from .versions import DraftVersion

__all__ = [
    "ApprovalStep",
    "Draft",
    "DraftNotification",
    "DraftQuerySet",
    "DraftVersion",
]
