import pytest
from django.utils import translation

from portal.access.factories import UserFactory


@pytest.fixture(autouse=True)
def in_vietnamese():
    """The registers speak Vietnamese, whatever language an earlier test left on."""
    with translation.override("vi"):
        yield


@pytest.fixture
def clerk(client, db):
    """A clerk (Văn thư), signed in."""
    user = UserFactory(role="clerk")
    client.force_login(user)
    return user
