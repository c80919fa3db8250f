from django.core.cache import caches
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from portal.operations.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restore a snapshot made by `backup` into an empty installation, after "
        "checking every checksum, then rebuild the search index."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="a folder written by `backup`")
        parser.add_argument(
            "--force",
            action="store_true",
            help="replace the data of an installation that is not empty",
        )

    def handle(self, *args, folder, force, **options):
        try:
            manifest = restore(folder, force=force)
        except BackupError as error:
            raise CommandError(str(error)) from error
        # Nothing cached from before the restore may be served.
        for cache in caches.all():
            cache.clear()
        call_command("update_index", verbosity=0)
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored the snapshot of {manifest['created_at']} "
                f"({len(manifest['files']) - 1} files); the search index is rebuilt."
            )
        )
