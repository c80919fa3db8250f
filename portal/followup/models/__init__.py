from .activity import ExtensionRequest, ProgressReport
from .notices import Notification, Reminder
from .tasks import Bucket, Priority, Recurrence, Status, Task
from .units import Membership, Unit

__all__ = [
    "Bucket",
    "ExtensionRequest",
    "Membership",
    "Notification",
    "Priority",
    "ProgressReport",
    "Recurrence",
    "Reminder",
    "Status",
    "Task",
    "Unit",
]
