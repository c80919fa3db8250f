from django.core.management.base import BaseCommand

from portal.alerts.sending import send_alerts


class Command(BaseCommand):
    help = (
        "Tell users of the new items their saved searches find, by e-mail or on "
        "the intranet (run daily; an item is never sent twice for one search)."
    )

    def handle(self, *args, **options):
        sent = send_alerts()
        self.stdout.write(f"alerts sent: {sent}")
