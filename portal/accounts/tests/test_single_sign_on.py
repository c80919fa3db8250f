"""The single sign-on against a real Keycloak (scripts/keycloak.sh), signed in
through the provider's own login form."""

import html
import json
import re
from urllib.parse import urlsplit

import pytest
import requests
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousOperation
from django.test import override_settings
from django.urls import reverse

from portal.access.factories import UserFactory
from portal.accounts.backends import SingleSignOnBackend
from portal.accounts.configuration import account_settings
from portal.accounts.models import ExternalAccount, UsernameTaken
from portal.accounts.tests.conftest import (
    BASE_BACKENDS,
    KEYCLOAK_CLIENT_ID,
    KEYCLOAK_CLIENT_SECRET,
    KEYCLOAK_REALM,
)
from portal.followup.factories import UnitFactory
from portal.followup.models import Membership

SSO_LINK = "Đăng nhập bằng tài khoản đăng nhập một lần của tỉnh"
USERNAME_TAKEN = "chưa được liên kết với tài khoản danh bạ hoặc đăng nhập một lần"


def configured(keycloak_url):
    environ = {
        "OIDC_CLIENT_ID": KEYCLOAK_CLIENT_ID,
        "OIDC_CLIENT_SECRET": KEYCLOAK_CLIENT_SECRET,
        "OIDC_ISSUER": f"{keycloak_url}/realms/{KEYCLOAK_REALM}",
        "OIDC_GROUP_MAP": json.dumps(
            {
                "lanh-dao": {"roles": ["approver"]},
                "van-phong": {"roles": ["staff"], "units": ["Văn phòng Tỉnh ủy"]},
            }
        ),
    }
    return override_settings(
        **account_settings(environ, BASE_BACKENDS, django_settings.MIDDLEWARE)
    )


def sign_in_at_the_provider(client, username, password, next_url, browser=None):
    """Follow the code flow: the portal sends the browser to the provider, whose
    login form sends it back to the portal's callback with a code."""
    start = client.get("/oidc/authenticate/", {"next": next_url})
    assert start.status_code == 302
    browser = browser if browser is not None else requests.Session()
    login_page = browser.get(start["Location"], timeout=30)
    login_page.raise_for_status()
    # Keycloak's cookies are "Secure"; browsers send them to a loopback address
    # over plain HTTP, requests does not.
    for cookie in browser.cookies:
        cookie.secure = False
    action = re.search(
        r'<form[^>]*id="kc-form-login"[^>]*action="([^"]+)"', login_page.text
    )
    answer = browser.post(
        html.unescape(action.group(1)),
        data={"username": username, "password": password, "credentialId": ""},
        allow_redirects=False,
        timeout=30,
    )
    assert answer.status_code == 302, answer.text[:500]
    callback = urlsplit(answer.headers["Location"])
    assert callback.path == "/oidc/callback/"
    return client.get(f"{callback.path}?{callback.query}")


def role_names(user):
    return set(user.groups.values_list("name", flat=True))


@pytest.mark.django_db
def test_staff_sign_in_through_the_provider_with_the_roles_and_units_of_their_groups(
    client, home_page, keycloak
):
    UnitFactory(name="Văn phòng Tỉnh ủy")
    leaders = keycloak.add_group("lanh-dao")
    office = keycloak.add_group("van-phong")
    keycloak.add_group("khach")
    person = keycloak.add_person(
        "nguyen.an",
        "mat-khau-an",
        leaders,
        office,
        email="an@tinhuy.vn",
        firstName="An",
        lastName="Nguyễn Văn",
    )

    with configured(keycloak.url):
        response = sign_in_at_the_provider(
            client, "nguyen.an", "mat-khau-an", "/admin/"
        )
        dashboard = client.get("/admin/")

        user = get_user_model().objects.get(username="nguyen.an")
        assert response.status_code == 302
        assert response["Location"] == "/admin/"
        assert dashboard.status_code == 200
        assert dashboard.context["user"] == user
        assert (user.email, user.first_name, user.last_name) == (
            "an@tinhuy.vn",
            "An",
            "Nguyễn Văn",
        )
        assert not user.has_usable_password()
        assert role_names(user) == {"Người duyệt", "Cán bộ"}
        assert list(
            Membership.objects.filter(user=user).values_list("unit__name", flat=True)
        ) == ["Văn phòng Tỉnh ủy"]

        # leaving a group at the provider takes its role away at the next sign-in
        client.logout()
        keycloak.leave(person, leaders)
        sign_in_at_the_provider(client, "nguyen.an", "mat-khau-an", "/noi-bo/")
        assert client.get("/noi-bo/").context["user"] == user
        assert role_names(user) == {"Cán bộ"}


def test_both_sign_in_pages_offer_the_single_sign_on_when_it_is_configured(
    client, home_page
):
    with configured("https://sso.tinh.example"):
        site = client.get("/login/", {"next": "/noi-bo/"}).content.decode()
        admin = client.get("/admin/login/").content.decode()

    assert SSO_LINK in site
    assert 'href="/oidc/authenticate/?next=/noi-bo/"' in site
    assert SSO_LINK in admin
    assert 'href="/oidc/authenticate/?next=/admin/"' in admin


def test_a_refused_return_from_the_provider_lands_on_the_sign_in_page_with_a_reason(
    client, home_page
):
    with configured("https://sso.tinh.example"):
        response = client.get(
            "/oidc/callback/", {"code": "forged", "state": "forged"}, follow=True
        )

    assert response.request["PATH_INFO"] == "/login/"
    assert "Đăng nhập một lần không thành công" in response.content.decode()
    assert response.context["user"].is_anonymous


def test_an_account_signed_in_by_the_provider_whose_role_needs_a_second_factor_is_asked_for_it(
    client, home_page, keycloak, settings
):
    settings.TWOFACTOR_REQUIRED = True
    keycloak.add_person(
        "tran.binh",
        "mat-khau-binh",
        keycloak.add_group("lanh-dao"),
        # what Keycloak's user profile asks for before it lets anyone through
        email="binh@tinhuy.vn",
        firstName="Bình",
        lastName="Trần",
    )

    with configured(keycloak.url):
        back = sign_in_at_the_provider(client, "tran.binh", "mat-khau-binh", "/admin/")
        admin = client.get("/admin/")

    assert back.status_code == 302
    assert admin.status_code == 302
    assert admin["Location"].startswith(reverse("twofactor:verify"))


ISSUER = "https://sso.tinh.example/realms/portal"


def sign_in_with_claims(monkeypatch, payload, **userinfo):
    """The backend's part of a sign-in, given the provider's verified ID token and
    its user information."""
    monkeypatch.setattr(
        SingleSignOnBackend, "get_userinfo", lambda self, *args: dict(userinfo)
    )
    with configured("https://sso.tinh.example"):
        return SingleSignOnBackend().get_or_create_user("access", "id", payload)


@pytest.mark.parametrize("username", ["admin", "ADMIN"])
def test_a_provider_account_never_signs_in_as_the_local_account_of_the_same_name(
    db, monkeypatch, username
):
    administrator = get_user_model().objects.create_superuser("admin")

    with pytest.raises(UsernameTaken):
        sign_in_with_claims(
            monkeypatch,
            {"iss": ISSUER, "sub": "123"},
            preferred_username=username,
            sub="123",
        )

    assert not ExternalAccount.objects.exists()
    assert list(get_user_model().objects.all()) == [administrator]


def test_a_provider_account_is_found_by_its_subject_and_issuer_not_its_username(
    db, monkeypatch
):
    first = sign_in_with_claims(
        monkeypatch, {"iss": ISSUER, "sub": "s-1"}, preferred_username="an", sub="s-1"
    )
    renamed = sign_in_with_claims(
        monkeypatch,
        {"iss": ISSUER, "sub": "s-1"},
        preferred_username="an.nguyen",
        sub="s-1",
    )

    assert first.username == "an"
    assert renamed == first
    # another person, or the same subject at another provider, taking the name
    for issuer, subject in ((ISSUER, "s-2"), ("https://other.example", "s-1")):
        with pytest.raises(UsernameTaken):
            sign_in_with_claims(
                monkeypatch,
                {"iss": issuer, "sub": subject},
                preferred_username="an",
                sub=subject,
            )
    assert list(ExternalAccount.objects.values_list("issuer", "subject", "user")) == [
        (ISSUER, "s-1", first.pk)
    ]


def test_user_information_about_another_subject_than_the_id_token_is_refused(
    db, monkeypatch
):
    with pytest.raises(SuspiciousOperation):
        sign_in_with_claims(
            monkeypatch,
            {"iss": ISSUER, "sub": "s-1"},
            preferred_username="an",
            sub="s-2",
        )

    assert not get_user_model().objects.exists()


def test_the_namesake_of_a_local_account_is_refused_until_an_administrator_links_them(
    client, home_page, keycloak, caplog
):
    local = UserFactory(username="nguyen.an", role="editor")
    person = keycloak.add_person(
        "nguyen.an",
        "mat-khau-an",
        email="an@tinhuy.vn",
        firstName="An",
        lastName="Nguyễn Văn",
    )

    with configured(keycloak.url):
        refused = sign_in_at_the_provider(client, "nguyen.an", "mat-khau-an", "/")
        page = client.get(refused["Location"])
        ExternalAccount.objects.create(
            source="oidc",
            issuer=f"{keycloak.url}/realms/{KEYCLOAK_REALM}",
            subject=person,
            user=local,
        )
        linked = sign_in_at_the_provider(client, "nguyen.an", "mat-khau-an", "/")
        signed_in = client.get("/").context["user"]

    assert refused["Location"] == "/login/"
    assert page.context["user"].is_anonymous
    assert USERNAME_TAKEN in page.content.decode()
    assert "not linked to this identity" in caplog.text
    assert linked.status_code == 302
    assert signed_in == local
    assert get_user_model().objects.filter(username__iexact="nguyen.an").count() == 1


def back_from_the_provider(client, browser, provider_url):
    """The provider answers a silent check (prompt=none) with a redirect to the
    portal's callback: a code while its session holds, an error otherwise."""
    for cookie in browser.cookies:  # see sign_in_at_the_provider
        cookie.secure = False
    answer = browser.get(provider_url, allow_redirects=False, timeout=30)
    assert answer.status_code == 302, answer.text[:500]
    callback = urlsplit(answer.headers["Location"])
    assert callback.path == "/oidc/callback/"
    return client.get(f"{callback.path}?{callback.query}")


def test_a_session_is_checked_again_with_the_provider_and_ends_once_it_no_longer_signs_in(
    client, home_page, keycloak
):
    person = keycloak.add_person(
        "le.cuong",
        "mat-khau-cuong",
        keycloak.add_group("lanh-dao"),
        email="cuong@tinhuy.vn",
        firstName="Cường",
        lastName="Lê",
    )
    browser = requests.Session()

    with configured(keycloak.url):
        sign_in_at_the_provider(client, "le.cuong", "mat-khau-cuong", "/", browser)
        user = get_user_model().objects.get(username="le.cuong")

        def expire_the_check():
            session = client.session
            session["oidc_id_token_expiration"] = 0
            session.save()

        # while the provider still signs the person in, the check is silent
        expire_the_check()
        check = client.get("/noi-bo/")
        assert check.status_code == 302
        assert "prompt=none" in check["Location"]
        back_from_the_provider(client, browser, check["Location"])
        assert client.get("/noi-bo/").context["user"] == user

        # the provider ends the person's sessions (signed out, or disabled)
        keycloak.sign_out(person)
        expire_the_check()
        check = client.get("/noi-bo/")
        ended = back_from_the_provider(client, browser, check["Location"])
        after = client.get("/noi-bo/")

    assert ended["Location"] == "/login/"
    assert after.status_code == 302
    assert after["Location"].startswith("/login/")
