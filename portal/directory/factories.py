import factory

from portal.access.factories import UserFactory
from portal.directory.models import StaffContact


class StaffContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StaffContact

    user = factory.SubFactory(UserFactory, role="staff")
    position = "Chuyên viên"
    office_phone = "024 3825 1234"
    mobile_phone = ""
