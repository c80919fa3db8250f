import sys
import time

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from portal.documents.importing import DocumentImporter


class Command(BaseCommand):
    help = (
        "Import issued documents from a JSON Lines file: valid rows are saved and "
        "indexed, invalid rows reported with their line numbers."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="one JSON object per line")
        parser.add_argument("--files", help="folder holding the attachments")
        parser.add_argument("--report", help="write the rejected rows to this file")

    def handle(self, file, files=None, report=None, **options):
        started = time.monotonic()
        progress = self._progress if sys.stderr.isatty() else None
        try:
            result = DocumentImporter(files_dir=files, progress=progress).import_file(
                file
            )
        except OSError as error:
            raise CommandError(
                _("cannot read %(file)s: %(error)s") % {"file": file, "error": error}
            ) from error
        elapsed = time.monotonic() - started

        result.write_errors(self.stderr, report)
        rate = result.saved / elapsed if elapsed else 0
        self.stdout.write(
            f"created: {result.created}, updated: {result.updated}, "
            f"errors: {len(result.errors)} ({rate:.0f} documents/s)"
        )

    def _progress(self, done):
        sys.stderr.write(f"\r{done} documents saved")
        sys.stderr.flush()
