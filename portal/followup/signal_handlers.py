from portal.documents.signals import superseded
from portal.followup.models import Task


def flag_open_tasks(sender, document, by, **kwargs):
    Task.objects.flag_superseded(document, by)


def register_signal_handlers():
    superseded.connect(flag_open_tasks)
