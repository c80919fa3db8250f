"""Fill a migrated database with the corpus's documents, saved in bulk.

    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python manage.py migrate
    DATABASE_URL=sqlite:////tmp/bench.sqlite3 .venv/bin/python bench/load_archive.py 1000000

For measuring queries (``bench/scale.py --existing``) at a size the importer
would take too long to load beside other work: each row goes through the
model's derived fields (``Document.fill_derived_fields``: the folded words the
database searches) and ``bulk_create``, without the importer's checks, its
sharing grants or the engine. Prints the documents saved per second.
"""

import os
import sys
import time
from datetime import date
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

import django  # noqa: E402

django.setup()

from django.db import transaction  # noqa: E402

from bench.corpus import documents  # noqa: E402
from portal.documents.models import Document, IssuingBody  # noqa: E402
from portal.documents.types import DocumentType  # noqa: E402

BATCH = 2000


def document(row, issuers):
    item = Document(
        document_type=DocumentType.from_name_or_abbreviation(row["type"]),
        symbol=row["symbol"],
        issued_on=date.fromisoformat(row["issued_on"]),
        title=row["title"],
        body=row["body"],
        status=row["status"],
        access=row.get("access", "public"),
    )
    if row["issuer"] not in issuers:
        # as the importer creates an unknown issuer: with its symbol's abbreviation
        issuers[row["issuer"]] = IssuingBody.find(row["issuer"]) or (
            IssuingBody.objects.create(
                name=row["issuer"],
                abbreviation=item.parsed_symbol.issuer_abbreviation,
            )
        )
    item.issuer = issuers[row["issuer"]]
    item.fill_derived_fields()
    return item


def main(count):
    issuers, rows, saved = {}, documents(count), 0
    started = time.monotonic()
    while batch := list(islice(rows, BATCH)):
        with transaction.atomic():
            Document.objects.bulk_create([document(row, issuers) for row in batch])
        saved += len(batch)
        print(f"\r{saved} documents saved", end="", file=sys.stderr, flush=True)
    print(f"\n{saved / (time.monotonic() - started):.0f} documents/s")


if __name__ == "__main__":
    main(int(sys.argv[1]))
