from .attendance import Attendance, Response
from .documents import MeetingDocument
from .meetings import AgendaItem, BridgePoint, Meeting
from .tasks import ConclusionTask

__all__ = [
    "AgendaItem",
    "Attendance",
    "BridgePoint",
    "ConclusionTask",
    "Meeting",
    "MeetingDocument",
    "Response",
]
