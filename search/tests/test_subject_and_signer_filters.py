from portal.documents.factories import DocumentFactory
from portal.documents.models import SubjectArea


def document(symbol, subject=None, **fields):
    document = DocumentFactory(symbol=symbol, title="Về công tác cán bộ", **fields)
    if subject:
        document.subject_areas.set([subject])
        document.save()
    return document


def test_search_narrows_to_a_subject_area(searcher):
    organisation = SubjectArea.objects.create(name="Tổ chức xây dựng Đảng")
    economy = SubjectArea.objects.create(name="Kinh tế")
    document("15-NQ/TW", organisation)
    document("16-NQ/TW", economy)
    document("17-NQ/TW")
    document("18-NQ/TW", organisation, access="internal")

    assert searcher.symbols("cán bộ", subject="Tổ chức xây dựng Đảng") == ["15-NQ/TW"]
    assert searcher.json(q="", subject="Kinh tế")["count"] == 1


def test_search_narrows_to_a_signer_however_the_name_is_spaced(searcher):
    document("15-NQ/TW", signer="Nguyễn Văn An")
    document("16-NQ/TW", signer="Trần Thị Bình")
    document("17-NQ/TW", signer="Nguyễn Văn An", access="restricted")

    assert searcher.symbols("cán bộ", signer="  Nguyễn  Văn An ") == ["15-NQ/TW"]


def test_the_search_page_offers_subject_areas_and_shows_the_chosen_ones(searcher):
    area = SubjectArea.objects.create(name="Kinh tế")
    document("15-NQ/TW", area, signer="Nguyễn Văn An")

    content = searcher.get(
        q="cán bộ", subject="Kinh tế", signer="Nguyễn Văn An"
    ).content.decode()

    assert "<option selected>Kinh tế</option>" in content
    assert 'name="signer" value="Nguyễn Văn An"' in content
    assert "Lĩnh vực: Kinh tế" in content
    assert "Người ký: Nguyễn Văn An" in content
