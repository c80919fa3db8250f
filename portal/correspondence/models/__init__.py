from .choices import Confidentiality, Urgency
from .incoming import IncomingDocument
from .numbering import Register, RegisterCounter, next_number
from .outgoing import OutgoingDocument

__all__ = [
    "Confidentiality",
    "IncomingDocument",
    "OutgoingDocument",
    "Register",
    "RegisterCounter",
    "Urgency",
    "next_number",
]
