import threading
from datetime import date

import pytest
from django.db import IntegrityError, connection, transaction

from portal.correspondence.factories import (
    IncomingDocumentFactory,
    OutgoingDocumentFactory,
)
from portal.correspondence.models import IncomingDocument, OutgoingDocument
from portal.documents.factories import IssuingBodyFactory
from portal.documents.types import DocumentType


def in_parallel(count, work):
    """Run work(i) in `count` threads, each with its own database connection,
    released together by a barrier; returns what they returned or raised."""
    barrier = threading.Barrier(count)
    results = [None] * count

    def run(index):
        try:
            barrier.wait()
            results[index] = work(index)
        except Exception as error:  # reported by the test's assertion
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_arrival_numbers_run_from_one_within_each_year(db):
    first = IncomingDocumentFactory(received_on=date(2025, 12, 31))
    second = IncomingDocumentFactory(received_on=date(2026, 1, 2))
    third = IncomingDocumentFactory(received_on=date(2026, 1, 2))

    assert (first.year, first.number) == (2025, 1)
    assert [(second.year, second.number), (third.year, third.number)] == [
        (2026, 1),
        (2026, 2),
    ]


def test_a_registration_that_fails_gives_its_number_back(db):
    with pytest.raises(RuntimeError), transaction.atomic():
        IncomingDocumentFactory()
        raise RuntimeError("the clerk's save failed")

    assert IncomingDocumentFactory().number == 1


def test_the_database_refuses_a_second_entry_with_the_same_number(db):
    entry = IncomingDocumentFactory()
    twin = IncomingDocumentFactory.build(sender=entry.sender)
    twin.year, twin.number = entry.year, entry.number

    with pytest.raises(IntegrityError), transaction.atomic():
        twin.save()


# Serialized rollback restores what migrations created (roles, the page root).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_clerks_registering_at_the_same_moment_get_unique_gap_free_numbers():
    sender = IssuingBodyFactory(name="Ban Tổ chức Thành ủy", abbreviation="BTCTU")
    clerks = 12

    def register(index):
        entry = IncomingDocument(
            received_on=date(2026, 4, 1),
            sender=sender,
            symbol=f"{index + 1}-CV/BTCTU",
            dated=date(2026, 3, 30),
            document_type=DocumentType.OFFICIAL_LETTER,
            title="Về việc cử cán bộ dự tập huấn",
        )
        return entry.register().number

    numbers = in_parallel(clerks, register)

    assert not [n for n in numbers if isinstance(n, Exception)], numbers
    assert sorted(numbers) == list(range(1, clerks + 1)), numbers
    assert IncomingDocument.objects.count() == clerks


# Serialized rollback restores what migrations created (roles, the page root).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_releasing_at_the_same_moment_numbers_each_type_of_the_term_without_gaps():
    drafts = [OutgoingDocumentFactory(access="restricted") for _ in range(6)]

    numbers = in_parallel(len(drafts), lambda index: drafts[index].release().number)

    assert not [n for n in numbers if isinstance(n, Exception)], numbers
    assert sorted(numbers) == [1, 2, 3, 4, 5, 6], numbers
    assert sorted(OutgoingDocument.objects.values_list("symbol", flat=True)) == [
        f"0{n}-CV/VPTU" for n in range(1, 7)
    ]
