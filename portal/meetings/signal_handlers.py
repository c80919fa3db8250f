from wagtail.signals import published

from portal.schedule.models import Event


def invite_participants(sender, instance, **kwargs):
    """A published change to a meeting's schedule entry may change who takes part."""
    meeting = getattr(instance, "meeting", None)
    if meeting is not None:
        meeting.sync_participants()


def register_signal_handlers():
    published.connect(invite_participants, sender=Event)
