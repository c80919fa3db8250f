from portal.access.factories import UserFactory
from portal.documents.factories import DocumentFactory
from portal.documents.models import SubjectArea


def listed(client, **params):
    response = client.get("/van-ban/", params)
    assert response.status_code == 200
    return {document.symbol for document in response.context["results"]}


def test_the_archive_filters_by_subject_area(client, archive_page):
    economy = SubjectArea.objects.create(name="Kinh tế")
    culture = SubjectArea.objects.create(name="Văn hóa")
    first = DocumentFactory(symbol="15-NQ/TW")
    first.subject_areas.set([economy, culture])
    first.save()
    second = DocumentFactory(symbol="16-NQ/TW")
    second.subject_areas.set([culture])
    second.save()
    DocumentFactory(symbol="17-NQ/TW")

    assert listed(client, subject=economy.pk) == {"15-NQ/TW"}
    assert listed(client, subject=culture.pk) == {"15-NQ/TW", "16-NQ/TW"}


def test_the_archive_filters_by_signer(client, archive_page):
    DocumentFactory(symbol="15-NQ/TW", signer="Nguyễn Văn An")
    DocumentFactory(symbol="16-NQ/TW", signer="Trần Thị Bình")

    assert listed(client, signer="Nguyễn Văn An") == {"15-NQ/TW"}


def test_signers_offered_are_those_of_documents_the_reader_may_see(
    client, archive_page
):
    DocumentFactory(symbol="15-NQ/TW", signer="Nguyễn Văn An")
    DocumentFactory(symbol="16-NQ/TW", signer="Nguyễn Văn An")
    DocumentFactory(symbol="17-NQ/TW", signer="Lê Văn Cường", access="internal")
    DocumentFactory(symbol="18-NQ/TW", signer="Phạm Mật", access="restricted")

    def offered():
        form = client.get("/van-ban/").context["form"]
        return [value for value, _label in form.fields["signer"].choices if value]

    assert offered() == ["Nguyễn Văn An"]
    client.force_login(UserFactory(role="staff"))
    assert offered() == ["Lê Văn Cường", "Nguyễn Văn An"]


def test_an_unknown_signer_or_subject_is_a_message_not_an_error(client, archive_page):
    DocumentFactory(symbol="15-NQ/TW", signer="Nguyễn Văn An")

    response = client.get("/van-ban/", {"signer": "Phạm Mật", "subject": "x"})

    assert response.status_code == 200
    assert response.context["form"].errors.keys() == {"signer", "subject"}
    assert not response.context["results"]


def test_a_document_page_links_its_signer_and_subject_areas_to_the_archive(
    client, archive_page
):
    economy = SubjectArea.objects.create(name="Kinh tế")
    document = DocumentFactory(symbol="15-NQ/TW", signer="Nguyễn Văn An")
    document.subject_areas.set([economy])
    document.save()

    content = client.get(archive_page.document_url(document)).content.decode()

    assert 'href="/van-ban/?signer=Nguy%E1%BB%85n%20V%C4%83n%20An"' in content
    assert f'href="/van-ban/?subject={economy.pk}">Kinh tế</a>' in content
