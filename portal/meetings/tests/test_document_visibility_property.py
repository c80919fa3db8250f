"""Property: whoever is invited, whatever changes to the invitation follow and
whatever the documents' levels, a meeting document is seen by exactly the people
it should be — computed here from the generated data alone."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from portal.access.factories import UserFactory
from portal.meetings.factories import MeetingFactory, add_document
from portal.meetings.models import MeetingDocument
from portal.schedule.factories import EventFactory

USERS = 4
invitations = st.frozensets(st.sampled_from(range(USERS)))


@pytest.mark.django_db
@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    levels=st.lists(
        st.sampled_from(["internal", "restricted"]), min_size=1, max_size=3
    ),
    first=invitations,
    then=invitations,
    organiser=st.sampled_from([None, *range(USERS)]),
)
def test_meeting_documents_are_seen_by_the_invited_and_the_organiser(
    levels, first, then, organiser
):
    MeetingDocument.objects.all().delete()
    users = [UserFactory(role="staff") for _ in range(USERS)]
    event = EventFactory(participants=[users[i] for i in first])
    meeting = MeetingFactory(
        event=event, organiser=None if organiser is None else users[organiser]
    )
    documents = [
        add_document(meeting, title=f"Tài liệu {n}", access=level)
        for n, level in enumerate(levels)
    ]
    event.participants.set([users[i] for i in then])
    event.save_revision().publish()

    for number, user in enumerate(users):
        allowed = number in then or number == organiser
        expected = {
            document.pk
            for document, level in zip(documents, levels, strict=True)
            if level == "internal" or allowed
        }
        seen = set(
            MeetingDocument.objects.visible_to(user).values_list("pk", flat=True)
        )
        assert seen == expected
        assert {d.pk for d in documents if d.is_visible_to(user)} == expected
