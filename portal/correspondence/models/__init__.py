from .choices import Confidentiality, Urgency
from .incoming import IncomingDocument
from .numbering import Register, RegisterCounter, next_number
from .outgoing import OutgoingDocument
from .reports import ReportReceipt
from .routing import Routing

__all__ = [
    "Confidentiality",
    "IncomingDocument",
    "OutgoingDocument",
    "Register",
    "ReportReceipt",
    "RegisterCounter",
    "Routing",
    "Urgency",
    "next_number",
]
