"""The year in figures, as the office's annual review reports them: documents
issued by type, the registers' volumes, meetings held and the follow-up of
tasks. Each count covers only what the reader may see."""

from django.utils.translation import gettext as _
from wagtail.permissions import policy_registry

from portal.core.statistics import CountTable
from portal.correspondence.models import IncomingDocument, OutgoingDocument
from portal.correspondence.permission_policies import READING
from portal.documents.models import Document
from portal.followup.models import Bucket, Task
from portal.meetings.models import Meeting
from portal.meetings.statistics import meeting_tables


def year_figures(user, year, today):
    return [
        CountTable(
            _("Documents issued, by type"),
            Document.objects.visible_to(user).filter(issued_year=year).count_by_type(),
        ),
        *register_tables(user, year),
        *meeting_tables(Meeting.objects.visible_to(user), year, today),
        task_table(Task.objects.visible_to(user).filter(assigned_on__year=year), today),
    ]


def register_tables(user, year):
    """The registers' volumes, for those who may read the registers."""
    volumes = [
        (label, model.register_for_year(year).count())
        for label, model in [
            (_("Incoming documents"), IncomingDocument),
            (_("Outgoing documents"), OutgoingDocument),
        ]
        if reads_register(user, model)
    ]
    return [CountTable(_("Documents received and sent"), volumes)] if volumes else []


def reads_register(user, model):
    return policy_registry.get_by_type(model).user_has_any_permission(user, READING)


def task_table(tasks, today):
    """Tasks assigned in the year, by how they stand today."""
    counts = tasks.bucket_counts(today)
    return CountTable(
        _("Tasks assigned in the year, by status"),
        [(bucket.label, counts[bucket.value]) for bucket in Bucket],
    )
