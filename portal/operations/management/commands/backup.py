from django.core.management.base import BaseCommand, CommandError

from portal.operations.backup import BackupError, backup


class Command(BaseCommand):
    help = (
        "Write a consistent snapshot of the database and the media and private "
        "files into a new folder, with a manifest of checksums and versions."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="a new or empty folder")

    def handle(self, *args, folder, **options):
        try:
            manifest = backup(folder)
        except BackupError as error:
            raise CommandError(str(error)) from error
        files = len(manifest["files"]) - 1
        rows = sum(manifest["counts"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Snapshot written to {folder}: {manifest['database']['vendor']} "
                f"database ({rows} rows), {files} files."
            )
        )
