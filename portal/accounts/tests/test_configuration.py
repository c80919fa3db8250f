import json

import pytest
from django.core.exceptions import ImproperlyConfigured

from portal.access.factories import PASSWORD, UserFactory
from portal.accounts.configuration import (
    DIRECTORY_BACKEND,
    SINGLE_SIGN_ON_BACKEND,
    account_settings,
)
from portal.accounts.tests.conftest import BASE_BACKENDS

DIRECTORY = {
    "LDAP_URL": "ldap://ldap.tinh.example",
    "LDAP_USER_SEARCH_BASE": "ou=people,dc=tinh,dc=example",
}
PROVIDER = {
    "OIDC_CLIENT_ID": "portal",
    "OIDC_ISSUER": "https://sso.tinh.example/realms/tinh",
}


def test_without_a_directory_or_a_provider_the_portal_signs_in_with_its_own_passwords():
    found = account_settings({}, BASE_BACKENDS)

    assert found["AUTHENTICATION_BACKENDS"] == BASE_BACKENDS
    assert found["ACCOUNTS_SINGLE_SIGN_ON"] is False
    assert not any(name.startswith(("AUTH_LDAP_", "OIDC_")) for name in found)


def test_the_embedded_default_signs_in_with_a_password_and_offers_no_single_sign_on(
    client, home_page
):
    user = UserFactory(role="staff")

    page = client.get("/login/").content.decode()
    response = client.post("/login/", {"username": user.username, "password": PASSWORD})

    assert response.status_code == 302
    assert client.get("/").context["user"] == user
    assert "/oidc/" not in page
    assert client.get("/oidc/authenticate/").status_code == 404


def test_the_directory_and_the_provider_come_after_the_portals_own_passwords():
    found = account_settings({**DIRECTORY, **PROVIDER}, BASE_BACKENDS)

    assert found["AUTHENTICATION_BACKENDS"] == [
        "axes.backends.AxesStandaloneBackend",
        "django.contrib.auth.backends.ModelBackend",
        DIRECTORY_BACKEND,
        SINGLE_SIGN_ON_BACKEND,
        "guardian.backends.ObjectPermissionBackend",
    ]
    assert found["OIDC_OP_TOKEN_ENDPOINT"] == (
        "https://sso.tinh.example/realms/tinh/protocol/openid-connect/token"
    )


def test_only_the_single_sign_on_adds_the_session_refresh_after_the_user_is_known():
    middleware = [
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.contrib.auth.middleware.AuthenticationMiddleware",
        "portal.twofactor.middleware.SecondFactorMiddleware",
    ]

    with_provider = account_settings(PROVIDER, BASE_BACKENDS, middleware)
    directory_only = account_settings(DIRECTORY, BASE_BACKENDS, middleware)

    assert with_provider["MIDDLEWARE"] == [
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.contrib.auth.middleware.AuthenticationMiddleware",
        "mozilla_django_oidc.middleware.SessionRefresh",
        "portal.twofactor.middleware.SecondFactorMiddleware",
    ]
    assert with_provider["OIDC_RENEW_ID_TOKEN_EXPIRY_SECONDS"] == 900
    assert "MIDDLEWARE" not in directory_only


@pytest.mark.parametrize(
    "group_map",
    [
        {"cn=lanh-dao": {"roles": ["leader"]}},
        {"cn=lanh-dao": {"roles": "approver"}},
        {"cn=lanh-dao": {"role": ["approver"]}},
        ["cn=lanh-dao"],
    ],
)
def test_a_mistyped_group_map_stops_the_start(group_map):
    with pytest.raises(ImproperlyConfigured, match="LDAP_GROUP_MAP"):
        account_settings(
            {**DIRECTORY, "LDAP_GROUP_MAP": json.dumps(group_map)}, BASE_BACKENDS
        )


def test_a_group_map_that_is_not_json_stops_the_start():
    with pytest.raises(ImproperlyConfigured, match="OIDC_GROUP_MAP"):
        account_settings(
            {**PROVIDER, "OIDC_GROUP_MAP": "lanh-dao=approver"}, BASE_BACKENDS
        )


def test_a_directory_without_a_place_for_people_stops_the_start():
    with pytest.raises(ImproperlyConfigured, match="LDAP_USER_SEARCH_BASE"):
        account_settings({"LDAP_URL": "ldap://ldap.tinh.example"}, BASE_BACKENDS)
