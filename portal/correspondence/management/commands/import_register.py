from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from portal.correspondence.importing import RegisterImporter, UnreadableFile
from portal.correspondence.models import Register


class Command(BaseCommand):
    help = (
        "Import an existing incoming or outgoing register from a CSV or XLSX file: "
        "good rows are registered, bad rows reported with their line numbers."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="a .csv (UTF-8) or .xlsx file, headings first")
        parser.add_argument("--register", required=True, choices=Register.values)
        parser.add_argument("--report", help="write the rejected rows to this file")

    def handle(self, file, register, report=None, **options):
        try:
            result = RegisterImporter(register).import_file(file)
        except OSError as error:
            raise CommandError(
                _("cannot read %(file)s: %(error)s") % {"file": file, "error": error}
            ) from error
        except UnreadableFile as error:
            raise CommandError(str(error)) from error

        result.write_errors(self.stderr, report)
        self.stdout.write(f"created: {result.created}, errors: {len(result.errors)}")
