"""Drafts of outgoing documents (dự thảo văn bản đi) and their versions.

A draft goes from its drafting unit through the approval steps the unit
chose, to the signer, and then to the clerk, who numbers, seals and releases
it through the outgoing register. ``Draft`` is the state machine: each
transition checks who may take it, records it in the audit log and tells
whoever is next.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.db.models import Exists, F, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from portal.access.models import AccessLevel
from portal.core.text import normalize
from portal.correspondence.models.choices import PARTY_TYPE_CHOICES
from portal.followup.models import Membership
from portal.signing.tasks import verify_later

from .notices import DraftNotification
from .steps import ApprovalStep
from .versions import DraftVersion

RELEASING = "correspondence.release_outgoingdocument"


class Action:
    """The audit log's actions on a draft (labels in wagtail_hooks)."""

    CREATE = "drafting.create"
    VERSION = "drafting.version"
    SUBMIT = "drafting.submit"
    APPROVE = "drafting.approve"
    RETURN = "drafting.return"
    FORWARD = "drafting.forward"
    SIGN = "drafting.sign"
    RELEASE = "drafting.release"


class DraftQuerySet(models.QuerySet):
    def visible_to(self, user):
        """The office (clerks, leaders, administrators) sees every draft; others
        those of their units and those they hold or held a step of."""
        if not user.is_authenticated:
            return self.none()
        if user.has_perm("drafting.view_draft"):
            return self.all()
        return self.filter(
            Q(created_by=user)
            | Exists(Membership.objects.filter(unit=OuterRef("unit"), user=user))
            | Exists(ApprovalStep.objects.filter(draft=OuterRef("pk"), holder=user))
        )

    def waiting_for(self, user):
        """Drafts at a step the user holds, or signed ones for a clerk to release."""
        waiting = Q(
            Exists(
                ApprovalStep.objects.waiting().filter(draft=OuterRef("pk"), holder=user)
            )
        )
        if user.has_perm(RELEASING):
            waiting |= Q(status=Draft.Status.SIGNED)
        return self.filter(waiting)

    def start(self, *, unit, user, file, note="", **fields):
        """A new draft of the unit, with its first version. The user must be
        one of the unit's members."""
        if not Membership.objects.filter(unit=unit, user=user).exists():
            raise ValidationError(
                {"unit": _("You can only draft for a unit you belong to.")}
            )
        draft = self.model(unit=unit, created_by=user, **fields)
        draft.full_clean()
        with transaction.atomic():
            draft.save()
            version = draft._add_version(user, file, note)
            draft.log(Action.CREATE, user, version=version.number)
        return draft


class Draft(models.Model):
    class Status(models.TextChoices):
        DRAFTING = "drafting", _("Being drafted")
        IN_REVIEW = "in_review", _("Under approval")
        RETURNED = "returned", _("Returned for revision")
        SIGNED = "signed", _("Signed, awaiting release")
        RELEASED = "released", _("Released")

    unit = models.ForeignKey(
        "followup.Unit",
        verbose_name=_("drafting unit"),
        on_delete=models.PROTECT,
        related_name="outgoing_drafts",
    )
    document_type = models.CharField(
        _("document type"), max_length=8, choices=PARTY_TYPE_CHOICES
    )
    title = models.TextField(
        _("abstract"), help_text=_("Trích yếu: what the document is about")
    )
    recipients = models.TextField(_("recipients"), help_text=_("Nơi nhận, one a line"))
    issuer = models.ForeignKey(
        "documents.IssuingBody",
        verbose_name=_("issuing body"),
        on_delete=models.PROTECT,
        related_name="outgoing_drafts",
    )
    term = models.CharField(
        _("term"),
        max_length=16,
        help_text=_("Numbering restarts with each term, e.g. XVII"),
    )
    access = models.CharField(
        _("access in the archive"),
        max_length=16,
        choices=AccessLevel.choices,
        default=AccessLevel.INTERNAL,
        help_text=_("Public and internal documents go into the archive when released."),
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=Status.choices,
        default=Status.DRAFTING,
        editable=False,
        db_index=True,
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("drafted by"),
        on_delete=models.PROTECT,
        editable=False,
        related_name="+",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    outgoing = models.OneToOneField(
        "correspondence.OutgoingDocument",
        verbose_name=_("outgoing register entry"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="draft",
    )

    objects = DraftQuerySet.as_manager()

    class Meta:
        verbose_name = _("outgoing draft")
        verbose_name_plural = _("outgoing drafts")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.get_document_type_display()}: {self.title[:80]}"

    def save(self, *args, **kwargs):
        self.title = normalize(self.title).strip()
        self.term = normalize(self.term).strip().upper()
        super().save(*args, **kwargs)

    def log(self, action, user, **data):
        log(instance=self, action=action, user=user, data=data)

    # What is true of a draft now.

    def latest_version(self):
        return self.versions.order_by("-number").first()

    def current_step(self):
        return self.steps.waiting().select_related("holder").first()

    def is_member(self, user):
        return Membership.objects.filter(unit=self.unit_id, user=user.pk).exists()

    def holds_current_step(self, user):
        step = self.current_step()
        return step is not None and step.holder_id == user.pk

    def may_revise(self, user):
        """The unit revises it while it is theirs; a step holder while at their step."""
        if self.status in (self.Status.DRAFTING, self.Status.RETURNED):
            return self.is_member(user)
        return self.status == self.Status.IN_REVIEW and self.holds_current_step(user)

    def may_submit(self, user):
        return self.status in (
            self.Status.DRAFTING,
            self.Status.RETURNED,
        ) and self.is_member(user)

    def may_review(self, user):
        step = self.current_step()
        return step is not None and step.holder_id == user.pk

    def may_sign(self, user):
        step = self.current_step()
        return (
            step is not None
            and step.holder_id == user.pk
            and step.purpose == ApprovalStep.Purpose.SIGN
        )

    def may_release(self, user):
        return self.status == self.Status.SIGNED and user.has_perm(RELEASING)

    def signing_step(self):
        return self.steps.filter(outcome=ApprovalStep.Outcome.SIGNED).first()

    def lock_for_release(self):
        """Lock the draft's row until the transaction ends and read its status
        again: of two releases at once (a form sent twice, two clerks) the
        second waits here for the first and is then refused, so a draft is
        never numbered twice."""
        self.status = (
            Draft.objects.select_for_update()
            .values_list("status", flat=True)
            .get(pk=self.pk)
        )
        if self.status == self.Status.RELEASED:
            raise ValidationError(_("This draft has already been released."))
        if self.status != self.Status.SIGNED:
            raise ValidationError(_("This draft cannot be released now."))

    # Transitions.

    def add_version(self, user, file, note=""):
        if not self.may_revise(user):
            raise ValidationError(_("You cannot add a version to this draft now."))
        with transaction.atomic():
            version = self._add_version(user, file, note)
            self.log(Action.VERSION, user, version=version.number)
        return version

    def _add_version(self, user, file, note, kind=None):
        version = DraftVersion(
            draft=self,
            number=(self.versions.aggregate(n=models.Max("number"))["n"] or 0) + 1,
            uploaded_by=user,
            note=note,
            kind=kind or DraftVersion.Kind.DRAFT,
            file=file,
        )
        version.full_clean()
        version.save()
        if version.kind != DraftVersion.Kind.DRAFT:
            verify_later(version.file)  # its signatures, shown beside it
        return version

    def submit(self, user, steps=(), comment=""):
        """Send the draft to approval. The first time, ``steps`` are the
        (holder, label) pairs the unit chose, the last one the signer; after a
        return, the draft goes back to the step that returned it."""
        if not self.may_submit(user):
            raise ValidationError(_("This draft cannot be submitted now."))
        with transaction.atomic():
            if self.status == self.Status.DRAFTING:
                step = self._plan(steps)
            else:
                returned = self.steps.filter(outcome=ApprovalStep.Outcome.RETURNED)
                step = self._insert_after(returned.last())
            self.status = self.Status.IN_REVIEW
            self.save(update_fields=["status"])
            self._reach(step)
            self.log(
                Action.SUBMIT,
                user,
                step=step.position,
                holder=str(step.holder),
                comment=comment,
            )

    def _plan(self, steps):
        steps = list(steps)
        if not steps:
            raise ValidationError(
                _("Choose at least the signer: the last step is the signature.")
            )
        holders = [holder for holder, _label in steps]
        if any(not holder.is_active for holder in holders):
            raise ValidationError(_("Every step must be held by an active account."))
        created = ApprovalStep.objects.bulk_create(
            ApprovalStep(
                draft=self,
                position=position,
                holder=holder,
                label=label,
                purpose=ApprovalStep.Purpose.SIGN
                if position == len(steps)
                else ApprovalStep.Purpose.REVIEW,
            )
            for position, (holder, label) in enumerate(steps, start=1)
        )
        return created[0]

    def _insert_after(self, step, holder=None, label=None):
        """A step right after ``step``: the same one passed again, or another
        person's (a forward); the later steps move one place on."""
        self.steps.filter(position__gt=step.position).update(position=F("position") + 1)
        return ApprovalStep.objects.create(
            draft=self,
            position=step.position + 1,
            holder=holder or step.holder,
            label=step.label if label is None else label,
            purpose=step.purpose,
        )

    def _reach(self, step):
        step.reached_at = timezone.now()
        step.save(update_fields=["reached_at"])
        DraftNotification.objects.notify(
            self, DraftNotification.Kind.TO_HANDLE, [step.holder]
        )

    def _take_step(self, user, purposes=(ApprovalStep.Purpose.REVIEW,)):
        step = self.current_step()
        if step is None or step.holder_id != user.pk or step.purpose not in purposes:
            raise ValidationError(_("This draft is not waiting for you."))
        return step

    def approve(self, user, comment=""):
        """The step holder agrees: the draft goes on to the next step."""
        with transaction.atomic():
            step = self._take_step(user)
            step.finish(ApprovalStep.Outcome.APPROVED, comment)
            following = self.steps.filter(position__gt=step.position).first()
            self._reach(following)
            self.log(
                Action.APPROVE,
                user,
                step=step.position,
                comment=comment,
                next=str(following.holder),
            )

    def return_for_revision(self, user, comment):
        """The step holder sends the draft back to its unit, saying why."""
        if not comment.strip():
            raise ValidationError(
                {"comment": _("Say what the drafting unit should revise.")}
            )
        purposes = tuple(ApprovalStep.Purpose)
        with transaction.atomic():
            step = self._take_step(user, purposes)
            step.finish(ApprovalStep.Outcome.RETURNED, comment)
            self.status = self.Status.RETURNED
            self.save(update_fields=["status"])
            self.log(Action.RETURN, user, step=step.position, comment=comment)
            DraftNotification.objects.notify(
                self, DraftNotification.Kind.RETURNED, self.unit_members()
            )

    def forward(self, user, to, comment="", label=""):
        """The step holder passes the step on to another person (who then
        approves, returns or signs in their place)."""
        if to.pk == user.pk or not to.is_active:
            raise ValidationError({"to": _("Forward the draft to another person.")})
        purposes = tuple(ApprovalStep.Purpose)
        with transaction.atomic():
            step = self._take_step(user, purposes)
            step.finish(ApprovalStep.Outcome.FORWARDED, comment)
            following = self._insert_after(step, holder=to, label=label)
            self._reach(following)
            self.log(
                Action.FORWARD, user, step=step.position, comment=comment, to=str(to)
            )

    def record_signature(self, user, signed_pdf, key_name):
        """Keep the signer's signed PDF as a version: the draft awaits release.
        ``signed_pdf`` is a File; the caller has signed it (see
        portal.drafting.signing)."""
        with transaction.atomic():
            step = self._take_step(user, (ApprovalStep.Purpose.SIGN,))
            version = self._add_version(user, signed_pdf, "", DraftVersion.Kind.SIGNED)
            step.finish(ApprovalStep.Outcome.SIGNED)
            self.status = self.Status.SIGNED
            self.save(update_fields=["status"])
            self.log(Action.SIGN, user, version=version.number, key=key_name)
            DraftNotification.objects.notify(
                self, DraftNotification.Kind.TO_RELEASE, releasing_clerks()
            )
        return version

    def record_release(self, user, entry):
        """The clerk has released the draft as the outgoing register's ``entry``."""
        with transaction.atomic():
            self.lock_for_release()
            self.outgoing = entry
            self.status = self.Status.RELEASED
            self.save(update_fields=["outgoing", "status"])
            with entry.file.open("rb") as handle:
                self._add_version(
                    user,
                    _named(handle.read(), entry.filename),
                    _("Released: %(symbol)s") % {"symbol": entry.symbol},
                    DraftVersion.Kind.RELEASED,
                )
            self.log(
                Action.RELEASE,
                user,
                symbol=entry.symbol,
                released_on=entry.released_on.isoformat(),
                archived=entry.archived_document_id is not None,
            )
            DraftNotification.objects.notify(
                self, DraftNotification.Kind.RELEASED, self.unit_members()
            )

    def unit_members(self):
        return get_user_model().objects.filter(unit_memberships__unit=self.unit_id)


def releasing_clerks():
    """The active accounts that may release outgoing documents (clerks)."""
    app_label, codename = RELEASING.split(".")
    granted = Q(
        groups__permissions__codename=codename,
        groups__permissions__content_type__app_label=app_label,
    ) | Q(
        user_permissions__codename=codename,
        user_permissions__content_type__app_label=app_label,
    )
    return (
        get_user_model()
        .objects.filter(granted, is_active=True, is_superuser=False)
        .distinct()
    )


def _named(content, name):
    return ContentFile(content, name=name)
