"""The office's view of the drafts that wait, and for how long."""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Max
from django.utils.translation import gettext as _

from portal.drafting.models import ApprovalStep, Draft


@dataclass(frozen=True)
class Waiting:
    draft: Draft
    step: str  # who holds it, and as what
    since: datetime


def waiting_drafts(user):
    """The drafts the user may see that wait at a step or for release, the
    longest waiting first. Two queries, however many drafts."""
    drafts = Draft.objects.visible_to(user)
    rows = [
        Waiting(
            step.draft,
            ", ".join(
                part
                for part in (
                    step.holder.get_full_name() or str(step.holder),
                    step.label,
                )
                if part
            ),
            step.reached_at,
        )
        for step in ApprovalStep.objects.waiting()
        .filter(draft__in=drafts)
        .select_related("draft__unit", "holder")
    ]
    rows += [
        Waiting(draft, _("Clerk: number, seal and release"), draft.signed_at)
        for draft in drafts.filter(status=Draft.Status.SIGNED)
        .annotate(signed_at=Max("steps__done_at"))
        .select_related("unit")
    ]
    return sorted(rows, key=lambda row: row.since)
