from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from portal.followup.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "Mail the members of responsible units about tasks due soon and overdue "
        "(run daily; a second run on the same day sends nothing again)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date", help="act as if today were this date (YYYY-MM-DD)"
        )

    def handle(self, *args, **options):
        text = options["date"]
        today = self.parse_date(text) if text else timezone.localdate()
        sent = send_reminders(today)
        self.stdout.write(f"reminders sent: {sent}")

    @staticmethod
    def parse_date(text):
        try:
            return date.fromisoformat(text)
        except ValueError as error:
            raise CommandError(f"--date must be YYYY-MM-DD, not {text!r}") from error
