from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ApprovalStepQuerySet(models.QuerySet):
    def waiting(self):
        """The steps a draft is waiting at now: one per draft under approval."""
        return self.filter(reached_at__isnull=False, done_at__isnull=True)


class ApprovalStep(models.Model):
    """One step of a draft's approval (trình duyệt), held by one person.

    The drafting unit chooses the steps in order; the last one is the
    signer's. A step is reached when the draft comes to it and done when its
    holder approves, returns, forwards or signs; a step passed again (after a
    return) or added by a forward is a row of its own, so the steps read as
    the draft's path.
    """

    class Purpose(models.TextChoices):
        REVIEW = "review", _("Review")
        SIGN = "sign", _("Sign")

    class Outcome(models.TextChoices):
        APPROVED = "approved", _("Approved")
        RETURNED = "returned", _("Returned with comments")
        FORWARDED = "forwarded", _("Forwarded")
        SIGNED = "signed", _("Signed")

    draft = models.ForeignKey(
        "drafting.Draft",
        verbose_name=_("draft"),
        on_delete=models.CASCADE,
        related_name="steps",
    )
    position = models.PositiveSmallIntegerField(_("position"))
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person in charge"),
        on_delete=models.PROTECT,
        related_name="draft_steps",
    )
    label = models.CharField(
        _("position of the person in charge"),
        max_length=255,
        blank=True,
        help_text=_("e.g. Head of the unit, Chief of the Office"),
    )
    purpose = models.CharField(
        _("purpose"), max_length=8, choices=Purpose.choices, default=Purpose.REVIEW
    )
    reached_at = models.DateTimeField(_("reached at"), null=True, blank=True)
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=16, choices=Outcome.choices, blank=True
    )
    comment = models.TextField(_("comment"), blank=True)

    objects = ApprovalStepQuerySet.as_manager()

    class Meta:
        verbose_name = _("approval step")
        verbose_name_plural = _("approval steps")
        ordering = ["position", "pk"]
        indexes = [models.Index(fields=["holder", "done_at"])]

    def __str__(self):
        return f"{self.position}. {self.holder.get_full_name() or self.holder}"

    @property
    def is_waiting(self):
        return self.reached_at is not None and self.done_at is None

    def waited(self, now=None):
        """How long the draft has waited at this step (up to now, or until done)."""
        if self.reached_at is None:
            return None
        return (self.done_at or now or timezone.now()) - self.reached_at

    def finish(self, outcome, comment=""):
        self.outcome, self.comment, self.done_at = outcome, comment, timezone.now()
        self.save(update_fields=["outcome", "comment", "done_at"])
