import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.formats import date_format
from django.utils.text import capfirst

from portal.followup.drafting import UnreadableNotice, draft_tasks, text_of
from portal.followup.models import Recurrence, Task, Unit


class Command(BaseCommand):
    help = (
        "Propose the follow-up tasks that a conclusion notice or a plan assigns "
        "(FILE: text, PDF, DOCX or ODT). Nothing is saved."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--json",
            action="store_true",
            help="print a JSON list of content, lead_unit, coordinating_units, "
            "deadline (YYYY-MM-DD or null) and recurrence (or null)",
        )

    def handle(self, *args, **options):
        try:
            with open(options["file"], "rb") as file:
                text = text_of(file)
        except OSError as error:
            raise CommandError(f"{options['file']}: {error.strerror}") from error
        except UnreadableNotice as error:
            raise CommandError(f"{options['file']}: {error}") from error
        drafts = draft_tasks(text, Unit.objects.all())
        if options["json"]:
            self.stdout.write(
                json.dumps([d.as_dict() for d in drafts], ensure_ascii=False, indent=2)
            )
            return
        for number, draft in enumerate(drafts, start=1):
            self.stdout.write(f"{number}. {draft.content}")
            details = {
                "lead_unit": draft.lead_unit or "—",
                "coordinating_units": ", ".join(map(str, draft.coordinating_units))
                or "—",
                "deadline": date_format(draft.deadline, "SHORT_DATE_FORMAT")
                if draft.deadline
                else "—",
                "recurrence": Recurrence(draft.recurrence or "").label,
            }
            for name, value in details.items():
                label = capfirst(Task._meta.get_field(name).verbose_name)
                self.stdout.write(f"   {label}: {value}")
        self.stdout.write(f"tasks proposed: {len(drafts)}")
