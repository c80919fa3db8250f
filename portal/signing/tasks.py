from django.db import transaction
from django_tasks import task

from .models import FileVerification
from .verification import verify_stored


@task()
def verify_stored_file(file_name):
    """Verify the signatures of a PDF in private storage, in the background worker."""
    verify_stored(file_name)


def verify_later(file):
    """Queue the verification of a newly stored file, once its row is committed.

    The apps that store files (the archive's attachments, the registers' scans)
    call it when they save one; their pages show the result with
    ``{% signature_verification file %}``.
    """
    if not file or FileVerification.objects.filter(file_name=file.name).exists():
        return
    name = file.name
    transaction.on_commit(lambda: verify_stored_file.enqueue(name))
