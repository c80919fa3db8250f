from importlib import import_module

from django.apps import apps

from portal.documents.factories import DocumentFactory, IssuingBodyFactory
from portal.documents.models import Attachment, Document

refill = import_module(
    "portal.documents.migrations.0007_search_text_keeps_written_words"
).refill


def test_search_text_holds_each_word_folded_and_as_written(db):
    document = DocumentFactory(title="Về chuyển đổi số", body="Thành uỷ chỉ đạo.")

    assert document.search_title.startswith(" ")
    assert " chuyen doi so " in document.search_title
    assert " chuyển " in document.search_title
    assert " ủy " in document.search_text


def test_the_migration_adds_the_written_words_to_stored_documents(db):
    issuer = IssuingBodyFactory(name="Thành ủy Hà Nội", abbreviation="TU")
    document = DocumentFactory(issuer=issuer, title="Về chuyển đổi số")
    Attachment.objects.create(document=document, extracted_text="Cơ sở dữ liệu")
    document.save()
    expected = Document.objects.values_list("search_title", "search_text").get()
    Document.objects.update(search_title=" old ", search_text=" old ")

    refill(apps, None)

    stored = Document.objects.values_list("search_title", "search_text").get()
    assert stored == expected
    assert {" nghị ", " chuyển ", " thành ", " dữ "} <= {
        f" {word} " for word in stored[1].split()
    }
