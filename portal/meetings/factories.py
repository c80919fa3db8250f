"""Test data builders for meetings (factory_boy)."""

import factory
from django.core.files.base import ContentFile

from portal.meetings.models import AgendaItem, BridgePoint, Meeting, MeetingDocument
from portal.schedule.factories import EventFactory


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    event = factory.SubFactory(EventFactory)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        meeting = super()._create(model_class, *args, **kwargs)
        meeting.sync_participants()
        return meeting


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    title = factory.Sequence(lambda n: f"Nội dung thứ {n}")


class BridgePointFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BridgePoint

    meeting = factory.SubFactory(MeetingFactory, online=True)
    place = factory.Sequence(lambda n: f"Hội trường Quận ủy số {n}")
    host_unit = factory.SubFactory("portal.followup.factories.UnitFactory")
    participant_count = 40


def add_document(meeting, title="Dự thảo báo cáo", access="restricted", by=None):
    """A PDF document of the meeting, shared as the meeting shares them."""
    document = MeetingDocument(title=title, access=access, uploaded_by=by)
    document.file.save("du-thao.pdf", ContentFile(b"%PDF-1.4 du thao"), save=False)
    return meeting.add_document(document, by_user=by)
