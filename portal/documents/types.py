import functools

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from portal.core.text import normalize


class DocumentType(models.TextChoices):
    """Types of issued documents; the value is the symbol's type abbreviation.

    Quy định and Quyết định share "QĐ" in practice; Quy định is stored as "QĐi",
    the spelling Party regulations use, so that each type has one abbreviation.
    """

    RESOLUTION = "NQ", _("Resolution")
    DIRECTIVE = "CT", _("Directive")
    CONCLUSION = "KL", _("Conclusion")
    REGULATION = "QĐi", _("Regulation")
    DECISION = "QĐ", _("Decision")
    RULES = "QC", _("Rules")
    NOTICE = "TB", _("Notice")
    CIRCULAR = "TT", _("Circular")
    PLAN = "KH", _("Plan")
    PROGRAMME = "CTr", _("Programme")
    SCHEME = "ĐA", _("Scheme")
    GUIDANCE = "HD", _("Guidance")
    REPORT = "BC", _("Report")
    SUBMISSION = "TTr", _("Submission")
    OFFICIAL_LETTER = "CV", _("Official letter")
    # State documents (number/year/type-issuer) the archive also keeps.
    STATE_DECREE = "NĐ", _("Decree")
    STATE_LAW = "L", _("Law")

    @classmethod
    def from_name_or_abbreviation(cls, text):
        """'Nghị quyết', 'Resolution', 'NQ', 'nq' -> RESOLUTION; None when unknown."""
        return _types_by_name().get(normalize(text).strip().casefold())


@functools.cache
def _types_by_name():
    names = {}
    for language in ("en", "vi"):
        with translation.override(language):
            names.update(
                {str(member.label).casefold(): member for member in DocumentType}
            )
    names.update({member.value.casefold(): member for member in DocumentType})
    # A bare "QĐ" is a Quyết định; a Quy định writes "QĐi".
    names["qđ"] = DocumentType.DECISION
    return names


class EffectiveStatus(models.TextChoices):
    IN_FORCE = "in_force", _("In force")
    NOT_YET = "not_yet", _("Not yet in force")
    AMENDED = "amended", _("Partly expired")
    EXPIRED = "expired", _("Expired")
    REPLACED = "replaced", _("Replaced")


class RelationKind(models.TextChoices):
    """How one document relates to another, read from the source's side."""

    IMPLEMENTS = "implements", _("Implements")
    AMENDS = "amends", _("Amends")
    REPLACES = "replaces", _("Replaces")
    GUIDES = "guides", _("Guides")
    REPEALS = "repeals", _("Repeals")
    BASED_ON = "based_on", _("Based on")


# What a relation does to its target's status once the source is issued; the
# first two leave its tasks without a basis (see DocumentRelation.take_effect).
STATUS_AFTER = {
    RelationKind.REPLACES: EffectiveStatus.REPLACED,
    RelationKind.REPEALS: EffectiveStatus.EXPIRED,
    RelationKind.AMENDS: EffectiveStatus.AMENDED,
}
# A status gives way only to a later one: an amendment does not revive a
# document that another has replaced.
STATUS_ORDER = [
    EffectiveStatus.NOT_YET,
    EffectiveStatus.IN_FORCE,
    EffectiveStatus.AMENDED,
    EffectiveStatus.REPLACED,
    EffectiveStatus.EXPIRED,
]

# What the target document shows for the same relation.
INVERSE_LABELS = {
    RelationKind.IMPLEMENTS: _("Implemented by"),
    RelationKind.AMENDS: _("Amended by"),
    RelationKind.REPLACES: _("Replaced by"),
    RelationKind.GUIDES: _("Guided by"),
    RelationKind.REPEALS: _("Repealed by"),
    RelationKind.BASED_ON: _("Basis for"),
}
