from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.documents.types import DocumentType


class Urgency(models.TextChoices):
    """Độ khẩn."""

    NORMAL = "normal", _("Normal")
    URGENT = "urgent", _("Urgent")
    VERY_URGENT = "very_urgent", _("Very urgent")
    EXPRESS = "express", _("Express")


class Confidentiality(models.TextChoices):
    """Độ mật."""

    NONE = "none", _("Not classified")
    CONFIDENTIAL = "confidential", _("Confidential")
    SECRET = "secret", _("Secret")
    TOP_SECRET = "top_secret", _("Top secret")


# Party documents are numbered <number>-<type>/<issuer>; the state's types are
# only ever received.
PARTY_TYPE_CHOICES = [
    (value, label)
    for value, label in DocumentType.choices
    if value not in (DocumentType.STATE_DECREE, DocumentType.STATE_LAW)
]
