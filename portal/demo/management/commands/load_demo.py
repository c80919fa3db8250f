from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from portal.access.roles import ROLE_BY_KEY
from portal.demo.accounts import DEMO_PASSWORD, load_accounts
from portal.demo.alerts import load_alerts
from portal.demo.comments import load_comments
from portal.demo.correspondence import load_registers
from portal.demo.directory import load_directory
from portal.demo.documents import describe_issuers, load_archive
from portal.demo.drafting import load_signed_release
from portal.demo.followup import load_tasks, load_units
from portal.demo.meetings import load_meetings
from portal.demo.news import load_news
from portal.demo.notices import load_notices
from portal.demo.organisation import load_organisation
from portal.demo.questions import load_questions
from portal.demo.schedule import load_schedule
from portal.demo.site import load_home_page, load_office_information
from portal.followup.models import Task


class Command(BaseCommand):
    help = "Load the Vietnamese demo content and one account per role (idempotent)."

    def handle(self, *args, **options):
        if not getattr(settings, "PORTAL_DEMO_ALLOWED", False):
            raise CommandError(
                "Demo content and demo accounts are not loaded with these settings."
            )
        with transaction.atomic():
            home = load_home_page(base_url=settings.WAGTAILADMIN_BASE_URL)
            load_office_information()
            accounts = load_accounts()
        archive = load_archive(home)
        describe_issuers()
        articles = load_news(home)
        comments, pending = load_comments()
        with transaction.atomic():
            load_tasks(load_units())
            drafted = load_notices()
            events = load_schedule()
            meetings, conferences = load_meetings()
            contacts = load_directory()
            about = load_organisation(home)
        questions, unanswered = load_questions()  # assigned to the units above
        incoming, outgoing = load_registers()
        signed = load_signed_release()  # numbered after the register's own
        # Bulk-created content skips the index signals; rebuild once at the end.
        call_command("update_index", verbosity=0)
        saved_searches = load_alerts()  # searches the index just built

        self.stdout.write(
            self.style.SUCCESS(
                f"Demo content loaded: {articles} articles, {comments} comments "
                f"({pending} awaiting moderation), "
                f"{questions} readers' questions ({unanswered} not answered yet), "
                f"{archive.saved} documents, "
                f"{saved_searches} saved searches with their alerts, "
                f"{Task.objects.count()} follow-up tasks ({drafted} drafted from a "
                f"notice), {events} events this week, "
                f"{meetings} meetings ({conferences} online), "
                f"{incoming} incoming and {outgoing} outgoing documents registered, "
                f"{signed} drafted, approved, digitally signed and released in the "
                "portal, "
                f"{about.get_children().count() + 1} pages about the office, "
                f"{contacts} directory entries."
            )
        )
        self.stdout.write(f"Demo accounts (password for all: {DEMO_PASSWORD}):")
        for account in accounts:
            role = ROLE_BY_KEY[account.role].group_name
            self.stdout.write(f"  {account.username:<10} {role}")
