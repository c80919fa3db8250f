from importlib import import_module

from django.apps import apps

from portal.correspondence.factories import (
    IncomingDocumentFactory,
    OutgoingDocumentFactory,
)
from portal.correspondence.models import IncomingDocument, OutgoingDocument

refill = import_module(
    "portal.correspondence.migrations.0005_search_text_keeps_written_words"
).refill


def test_the_migration_adds_the_written_words_to_both_registers(db):
    IncomingDocumentFactory(title="Về chuyển đổi số", notes="Thành uỷ giao")
    OutgoingDocumentFactory(title="Báo cáo cơ sở dữ liệu", notes="Gửi Thành ủy")
    models = [IncomingDocument, OutgoingDocument]
    expected = [
        model.objects.values_list("search_title", "search_text").get()
        for model in models
    ]
    for model in models:
        model.objects.update(search_title=" old ", search_text=" old ")

    refill(apps, None)

    stored = [
        model.objects.values_list("search_title", "search_text").get()
        for model in models
    ]
    assert stored == expected
    assert " chuyển " in stored[0][0] and " ủy " in stored[0][1]
    assert " dữ " in stored[1][0] and " ủy " in stored[1][1]


def test_the_registers_read_each_searched_word_as_typed(db):
    IncomingDocumentFactory(symbol="1-CV/VPTU", title="Về chuyển đổi số")
    IncomingDocumentFactory(symbol="2-CV/VPTU", title="Theo dõi chuyên đề cơ sở")

    def found(text):
        return sorted(
            IncomingDocument.objects.search(text).values_list("symbol", flat=True)
        )

    assert found("chuyển đổi") == ["1-CV/VPTU"]
    assert found("chuyen doi") == ["1-CV/VPTU", "2-CV/VPTU"]
    assert found("chuyên đ") == ["2-CV/VPTU"]
