"""Administrators link an identity to an existing account in the Wagtail admin."""

import pytest
from django.urls import reverse

from portal.access.factories import UserFactory
from portal.accounts.models import ExternalAccount

PEOPLE = "ou=people,dc=tinhuy,dc=vn"


def test_an_administrator_links_a_directory_identity_to_an_existing_account(client, db):
    client.force_login(UserFactory(role="admin"))
    local = UserFactory(username="lan")

    response = client.post(
        reverse("external_accounts:add"),
        {"user": local.pk, "source": "ldap", "issuer": PEOPLE, "subject": "uuid-1"},
    )

    assert response.status_code == 302
    assert list(
        ExternalAccount.objects.values_list("user", "source", "issuer", "subject")
    ) == [(local.pk, "ldap", PEOPLE, "uuid-1")]


@pytest.mark.parametrize(
    "role, allowed", [("admin", True), ("approver", False), ("editor", False)]
)
def test_only_administrators_see_and_make_links(client, db, role, allowed):
    UserFactory(username="lan").external_accounts.create(
        source="oidc", issuer="https://sso.tinh.vn/realms/tinh", subject="sub-lan"
    )
    client.force_login(UserFactory(role=role))

    listing = client.get(reverse("external_accounts:index"))
    form = client.get(reverse("external_accounts:add"))

    assert (listing.status_code == 200) is allowed
    assert ("sub-lan" in listing.content.decode()) is allowed
    assert (form.status_code == 200) is allowed
