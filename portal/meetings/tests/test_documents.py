import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from portal.access.factories import UserFactory
from portal.meetings.factories import MeetingFactory, add_document
from portal.meetings.models import MeetingDocument
from portal.schedule.factories import EventFactory

pytestmark = pytest.mark.django_db


def listed(client, meeting):
    page = client.get(reverse("meetings:meeting", args=[meeting.pk]))
    return [document.title for document in page.context["documents"]]


def opens(client, document):
    return client.get(reverse("meetings:document", args=[document.pk])).status_code


def test_restricted_documents_are_read_by_the_participants_and_organiser_only(
    client,
):
    participant = UserFactory(role="staff")
    organiser = UserFactory(role="clerk")
    meeting = MeetingFactory(
        event=EventFactory(participants=[participant]), organiser=organiser
    )
    document = add_document(meeting, title="Dự thảo nghị quyết", by=organiser)
    outsider = UserFactory(role="staff")
    office = UserFactory(role="approver")

    for user in (participant, organiser):
        client.force_login(user)
        assert listed(client, meeting) == ["Dự thảo nghị quyết"]
        assert opens(client, document) == 200
    for user in (outsider, office):
        client.force_login(user)
        assert listed(client, meeting) == []
        assert (
            "Dự thảo nghị quyết"
            not in client.get(
                reverse("meetings:meeting", args=[meeting.pk])
            ).content.decode()
        )
        assert opens(client, document) == 404


def test_someone_taken_off_the_schedule_entry_loses_the_documents(client):
    staying = UserFactory(role="staff")
    leaving = UserFactory(role="staff")
    meeting = MeetingFactory(event=EventFactory(participants=[staying, leaving]))
    document = add_document(meeting)

    meeting.event.participants.set([staying])
    meeting.event.save_revision().publish()

    assert document.is_visible_to(staying)
    assert not document.is_visible_to(leaving)
    assert set(MeetingDocument.objects.visible_to(leaving)) == set()


def test_someone_added_later_reads_the_documents_already_there():
    meeting = MeetingFactory()
    document = add_document(meeting)
    newcomer = UserFactory(role="staff")

    meeting.event.participants.add(newcomer)
    meeting.event.save_revision().publish()

    assert document.is_visible_to(newcomer)


def test_an_internal_document_is_read_by_staff_who_see_the_meeting(client):
    meeting = MeetingFactory()
    document = add_document(meeting, title="Giấy mời", access="internal")
    client.force_login(UserFactory(role="staff"))

    assert listed(client, meeting) == ["Giấy mời"]
    assert opens(client, document) == 200


def test_the_organiser_adds_a_document_shared_with_the_participants(client):
    participant = UserFactory(role="staff")
    organiser = UserFactory(role="staff")
    meeting = MeetingFactory(
        event=EventFactory(participants=[participant]), organiser=organiser
    )
    client.force_login(organiser)

    response = client.post(
        reverse("meetings:add_document", args=[meeting.pk]),
        {
            "title": "Báo cáo chính trị",
            "access": "restricted",
            "file": SimpleUploadedFile("bao-cao.pdf", b"%PDF-1.4 bao cao"),
        },
    )

    assert response.status_code == 302
    document = MeetingDocument.objects.get()
    assert (document.title, document.uploaded_by) == ("Báo cáo chính trị", organiser)
    assert set(document.shared_user_ids()) == {participant.pk, organiser.pk}


def test_a_file_that_is_not_a_document_is_refused_in_vietnamese(client):
    organiser = UserFactory(role="staff")
    meeting = MeetingFactory(organiser=organiser)
    client.force_login(organiser)

    response = client.post(
        reverse("meetings:add_document", args=[meeting.pk]),
        {
            "title": "Tệp lạ",
            "access": "restricted",
            "file": SimpleUploadedFile("tep.pdf", b"<html><script>x</script>"),
        },
    )

    assert response.status_code == 400
    assert "không thuộc loại được chấp nhận" in response.content.decode()
    assert not MeetingDocument.objects.exists()


def test_participants_who_do_not_organise_cannot_add_documents(client):
    participant = UserFactory(role="staff")
    meeting = MeetingFactory(event=EventFactory(participants=[participant]))
    client.force_login(participant)

    response = client.post(
        reverse("meetings:add_document", args=[meeting.pk]),
        {"title": "X", "file": SimpleUploadedFile("x.pdf", b"%PDF-1.4")},
    )

    assert response.status_code == 404
    assert not MeetingDocument.objects.exists()
