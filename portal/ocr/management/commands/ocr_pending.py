"""Work through the backlog of scans: files read before recognition existed,
and recognitions still queued (or, with --failed, those that failed)."""

from django.core.management.base import BaseCommand

from portal.ocr.models import Recognition, Status, queued_for_this_process
from portal.ocr.registry import scanned_for, scanned_models


class Progress:
    """A bar redrawn in place on a terminal; a line per file otherwise."""

    WIDTH = 30

    def __init__(self, stream, total):
        self.stream, self.total, self.done = stream, total, 0
        self.in_place = stream.isatty()

    def step(self, name, outcome):
        self.done += 1
        filled = self.WIDTH * self.done // max(self.total, 1)
        bar = "#" * filled + "-" * (self.WIDTH - filled)
        line = f"[{bar}] {self.done}/{self.total} {name}: {outcome}"
        if self.in_place:
            self.stream.write(f"\r\033[K{line}", ending="")
            self.stream.flush()
        else:
            self.stream.write(line)

    def close(self):
        if self.in_place and self.done:
            self.stream.write("")


class Command(BaseCommand):
    help = "Recognise the text of every scan still waiting, with a progress bar."

    def add_arguments(self, parser):
        parser.add_argument(
            "--failed", action="store_true", help="Run the failed ones again too."
        )

    def handle(self, *args, failed=False, **options):
        with queued_for_this_process():
            for model in scanned_models():
                scanned = scanned_for(model)
                for holder in scanned.backlog().iterator():
                    scanned.read(holder)  # queues the ones that are scans
            if failed:
                for recognition in Recognition.objects.filter(status=Status.FAILED):
                    if recognition.holder is not None:
                        Recognition.objects.queue(recognition.holder)
        waiting = list(
            Recognition.objects.filter(status=Status.QUEUED).order_by("queued_at")
        )
        progress = Progress(self.stdout, len(waiting))
        done = failures = 0
        for recognition in waiting:
            # one taken by the worker meanwhile, or whose file has gone, is skipped
            if not recognition.run():
                progress.step(recognition.source_name, "—")
                continue
            outcome = recognition.get_status_display()
            if recognition.failure:
                failures += 1
                outcome = f"{outcome}: {recognition.reason}"
            else:
                done += 1
            progress.step(recognition.source_name, outcome)
        progress.close()
        self.stdout.write(
            f"{len(waiting)} file(s): {done} recognised, {failures} failed."
        )
