from django.core.management.base import BaseCommand

from portal.signing.models import FileVerification
from portal.signing.verification import verify_stored


class Command(BaseCommand):
    help = (
        "Verify again the signatures of every file verified so far, e.g. after "
        "SIGNING_TRUST_ANCHORS changed."
    )

    def handle(self, *args, **options):
        names = FileVerification.objects.values_list("file_name", flat=True)
        for name in names.iterator():
            verify_stored(name)
        self.stdout.write(f"{names.count()} files verified.")
