from django.utils import timezone

from portal.followup.management.commands.send_reminders import (
    Command as ReminderCommand,
)
from portal.schedule.reminders import send_event_reminders


class Command(ReminderCommand):
    help = (
        "Remind the participants of tomorrow's events by mail and in the intranet "
        "(run daily; a second run sends nothing again)."
    )

    def handle(self, *args, **options):
        text = options["date"]
        today = self.parse_date(text) if text else timezone.localdate()
        sent = send_event_reminders(today)
        self.stdout.write(f"event reminders sent: {sent}")
