"""Test data builders for the schedule (factory_boy)."""

import datetime

import factory

from portal.schedule.models import Event, ParticipatingUnit


class EventFactory(factory.django.DjangoModelFactory):
    """A published event; pass ``participants=[…]`` and ``participant_units=[…]``."""

    class Meta:
        model = Event
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Họp giao ban công tác số {n}")
    date = datetime.date(2026, 11, 30)
    start_time = datetime.time(8, 0)
    end_time = datetime.time(10, 0)
    place = "Phòng họp số 1"

    @factory.post_generation
    def participants(event, create, extracted, **kwargs):
        if create and extracted:
            event.participants.set(extracted)
            event.save()

    @factory.post_generation
    def participant_units(event, create, extracted, **kwargs):
        if create and extracted:
            event.participant_units.set(
                ParticipatingUnit.objects.filter(pk__in=[unit.pk for unit in extracted])
            )
            event.save()
