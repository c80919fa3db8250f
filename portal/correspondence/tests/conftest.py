import pytest

from tests.factories import UserFactory


@pytest.fixture
def clerk(client, db):
    """A clerk (Văn thư), signed in."""
    user = UserFactory(role="clerk")
    client.force_login(user)
    return user
