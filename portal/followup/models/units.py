from dataclasses import dataclass, field

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel

from portal.core.collation import vietnamese


@dataclass
class UnitNode:
    unit: "Unit"
    children: list = field(default_factory=list)


class UnitQuerySet(models.QuerySet):
    def of_member(self, user):
        if not user.is_authenticated:
            return self.none()
        return self.filter(memberships__user=user)

    def of_body(self, body):
        """The units that are this issuing body: same name, or same abbreviation."""
        same = models.Q(name__iexact=body.name)
        if body.abbreviation:
            same |= models.Q(abbreviation__iexact=body.abbreviation)
        return self.filter(same)

    def tree(self):
        """The units as a tree of ``UnitNode``, each level in the queryset's
        order; a unit whose parent is not in the queryset is a root. One query."""
        nodes = {unit.pk: UnitNode(unit) for unit in self}
        roots = []
        for node in nodes.values():
            parent = nodes.get(node.unit.parent_id)
            (parent.children if parent else roots).append(node)
        return roots


class Unit(ClusterableModel):
    """A unit (đơn vị): a board of the committee, a district committee, an office.

    Units form a tree through ``parent``; tasks are assigned to units, and the
    staff who belong to a unit report on its tasks.
    """

    name = models.CharField(_("name"), max_length=255, unique=True)
    abbreviation = models.CharField(_("abbreviation"), max_length=32, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent unit"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )

    objects = UnitQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("abbreviation"),
        FieldPanel("parent"),
        InlinePanel("memberships", label=_("Members")),
    ]

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = [vietnamese("name")]

    def __str__(self):
        return self.name

    def member_emails(self):
        return list(
            self.memberships.exclude(user__email="").values_list(
                "user__email", flat=True
            )
        )


class Membership(models.Model):
    class Role(models.TextChoices):
        LEADER = "leader", _("Leader")
        SPECIALIST = "specialist", _("Specialist")

    unit = ParentalKey(
        Unit,
        verbose_name=_("unit"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff member"),
        on_delete=models.CASCADE,
        related_name="unit_memberships",
    )
    role = models.CharField(
        _("role in the unit"),
        max_length=16,
        choices=Role.choices,
        default=Role.SPECIALIST,
    )

    panels = [FieldPanel("user"), FieldPanel("role")]

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "user"], name="one_membership_per_unit_and_user"
            )
        ]

    def __str__(self):
        return f"{self.user} — {self.unit}"
