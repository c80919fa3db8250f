"""Test data builders for the follow-up (factory_boy)."""

import datetime

import factory

from portal.access.factories import UserFactory
from portal.documents.factories import DocumentFactory
from portal.followup.models import (
    ExtensionRequest,
    Membership,
    ProgressReport,
    Task,
    Unit,
)


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    name = factory.Sequence(lambda n: f"Ban số {n}")


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    unit = factory.SubFactory(UnitFactory)
    user = factory.SubFactory(UserFactory, role="staff")


def member_of(unit, **user):
    """A staff member of ``unit``."""
    return MembershipFactory(unit=unit, user=UserFactory(role="staff", **user)).user


class TaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Task
        skip_postgeneration_save = True

    source_document = factory.SubFactory(DocumentFactory)
    content = factory.Sequence(lambda n: f"Xây dựng kế hoạch thực hiện số {n}")
    lead_unit = factory.SubFactory(UnitFactory)
    assigned_on = datetime.date(2026, 1, 5)
    deadline = datetime.date(2026, 3, 31)

    @factory.post_generation
    def coordinating_units(task, create, extracted, **kwargs):
        if create and extracted:
            task.coordinating_units.set(extracted)


class ProgressReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgressReport

    task = factory.SubFactory(TaskFactory)
    unit = factory.SelfAttribute("task.lead_unit")
    text = "Đã triển khai"
    percent = 50
    reported_by = factory.SubFactory(UserFactory)


class ExtensionRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExtensionRequest

    task = factory.SubFactory(TaskFactory)
    proposed_deadline = factory.LazyAttribute(
        lambda request: request.task.deadline + datetime.timedelta(days=30)
    )
    reason = "Cần thêm thời gian"
    requested_by = factory.SubFactory(UserFactory)
    requested_on = datetime.date(2026, 3, 1)
