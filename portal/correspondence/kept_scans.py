"""Scans kept on the server while a clerk answers a duplicate warning.

A kept scan is a temporary copy in the register's private storage, referred to
by a signed token so a form can only bring back a copy the server made. A copy
goes when the entry it was kept for is saved, and any copy older than the
token's lifetime goes whenever another scan is kept, so no scheduled job is
needed to stop them piling up.
"""

import secrets
from datetime import timedelta

from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

FOLDER = "kept-scans"
SALT = "correspondence.kept_scan"
MAX_AGE = timedelta(hours=6)


class KeptScans:
    def __init__(self, storage):
        self.storage = storage

    def keep(self, scan):
        """Store a copy of an uploaded scan; return the token that brings it back."""
        self.sweep()
        # A random prefix keeps the copy's name unguessable and the clerk's
        # file name intact; one flat folder leaves no empty folders behind.
        path = self.storage.save(f"{FOLDER}/{secrets.token_hex(8)}-{scan.name}", scan)
        return signing.dumps(path, salt=SALT)

    def take(self, token):
        """The kept copy as a fresh upload, or None for a forged or stale token."""
        path = self._path(token)
        if path is None or not self.storage.exists(path):
            return None
        with self.storage.open(path, "rb") as handle:
            name = path.removeprefix(f"{FOLDER}/").split("-", 1)[1]
            return SimpleUploadedFile(name, handle.read())

    def discard(self, token):
        if (path := self._path(token)) and self.storage.exists(path):
            self.storage.delete(path)

    def sweep(self):
        """Delete the copies whose tokens have expired."""
        if not self.storage.exists(FOLDER):
            return
        oldest = timezone.now() - MAX_AGE
        for name in self.storage.listdir(FOLDER)[1]:
            path = f"{FOLDER}/{name}"
            if self.storage.get_modified_time(path) < oldest:
                self.storage.delete(path)

    def _path(self, token):
        try:
            path = signing.loads(token, salt=SALT, max_age=MAX_AGE)
        except signing.BadSignature:
            return None
        return path if path.startswith(f"{FOLDER}/") and "-" in path else None
