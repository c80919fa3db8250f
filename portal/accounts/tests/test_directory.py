"""Directory accounts against a real OpenLDAP server (scripts/slapd.sh)."""

import json
import socket
from types import SimpleNamespace

import ldap
import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import override_settings
from django.urls import reverse

from portal.access.factories import PASSWORD, UserFactory
from portal.access.roles import ROLE_BY_KEY
from portal.accounts.backends import DirectoryBackend
from portal.accounts.configuration import account_settings
from portal.accounts.models import ExternalAccount, UsernameTaken
from portal.accounts.tests.conftest import (
    BASE_BACKENDS,
    GROUPS,
    MANAGER_DN,
    MANAGER_PASSWORD,
    PEOPLE,
)
from portal.followup.factories import UnitFactory
from portal.followup.models import Membership

CLERKS = f"cn=van-thu,{GROUPS}"
LEADERS = f"cn=lanh-dao,{GROUPS}"
ORGANISATION = f"cn=ban-to-chuc,{GROUPS}"
DISABLED = f"cn=da-khoa,{GROUPS}"
DIRECTORY_DOWN = "Không kết nối được với máy chủ danh bạ (LDAP)"
USERNAME_TAKEN = "chưa được liên kết với tài khoản danh bạ"


def configured(url, **environ):
    """The settings the environment of an office with this directory gives."""
    environ = {
        "LDAP_URL": url,
        "LDAP_BIND_DN": MANAGER_DN,
        "LDAP_BIND_PASSWORD": MANAGER_PASSWORD,
        "LDAP_USER_SEARCH_BASE": PEOPLE,
        "LDAP_GROUP_SEARCH_BASE": GROUPS,
        "LDAP_GROUP_MAP": json.dumps(
            {
                # the directory spells DNs as it likes: the map ignores case
                CLERKS.upper(): {"roles": ["clerk"]},
                LEADERS: {"roles": ["approver"]},
                ORGANISATION: {"roles": ["staff"], "units": ["Ban Tổ chức"]},
            }
        ),
        "LDAP_TIMEOUT": "2",
        **environ,
    }
    return override_settings(**account_settings(environ, BASE_BACKENDS))


def role_names(user):
    return set(user.groups.values_list("name", flat=True))


def sign_in(client, username, password, path="/login/"):
    return client.post(path, {"username": username, "password": password})


@pytest.fixture
def organisation(db):
    return UnitFactory(name="Ban Tổ chức")


def test_directory_user_signs_in_on_the_site_with_the_roles_and_units_of_their_groups(
    client, home_page, directory, organisation
):
    directory.add_person(
        "lan", "mat-khau-lan", givenName="Lan", sn="Trần Thị", mail="lan@tu.vn"
    )
    directory.add_group("van-thu", f"uid=lan,{PEOPLE}")
    directory.add_group("ban-to-chuc", f"uid=lan,{PEOPLE}")
    directory.add_group("lanh-dao")

    with configured(directory.url):
        response = sign_in(client, "lan", "mat-khau-lan")
        signed_in = client.get("/").context["user"]

    assert response.status_code == 302
    assert response["Location"] == settings.LOGIN_REDIRECT_URL
    user = get_user_model().objects.get(username="lan")
    assert signed_in == user
    assert (user.first_name, user.last_name, user.email) == (
        "Lan",
        "Trần Thị",
        "lan@tu.vn",
    )
    assert not user.has_usable_password()
    assert role_names(user) == {"Văn thư", "Cán bộ"}
    assert list(
        Membership.objects.filter(user=user).values_list("unit__name", flat=True)
    ) == ["Ban Tổ chức"]


def test_directory_user_signs_in_on_the_admin(client, home_page, directory):
    directory.add_person("hung", "mat-khau-hung")
    directory.add_group("lanh-dao", f"uid=hung,{PEOPLE}")

    with configured(directory.url):
        response = sign_in(client, "hung", "mat-khau-hung", path="/admin/login/")
        dashboard = client.get("/admin/")

    assert response.status_code == 302
    assert dashboard.status_code == 200
    assert dashboard.context["user"].username == "hung"
    assert role_names(dashboard.context["user"]) == {ROLE_BY_KEY["approver"].group_name}


def test_a_change_of_groups_in_the_directory_takes_effect_at_the_next_sign_in(
    client, home_page, directory, organisation
):
    directory.add_person("minh", "mat-khau-minh")
    clerks = directory.add_group("van-thu", f"uid=minh,{PEOPLE}")
    organisation_group = directory.add_group("ban-to-chuc", f"uid=minh,{PEOPLE}")
    leaders = directory.add_group("lanh-dao")
    with configured(directory.url):
        sign_in(client, "minh", "mat-khau-minh")
        user = get_user_model().objects.get(username="minh")
        # a role given by hand in the admin, which the map does not name
        user.groups.add(
            user.groups.model.objects.get(name=ROLE_BY_KEY["editor"].group_name)
        )
        client.logout()

        directory.modify(leaders, (ldap.MOD_ADD, "member", [f"uid=minh,{PEOPLE}"]))
        for left in (clerks, organisation_group):
            directory.empty(left)
        assert role_names(user) == {"Văn thư", "Cán bộ", "Biên tập viên"}

        response = sign_in(client, "minh", "mat-khau-minh")

    assert response.status_code == 302
    assert role_names(user) == {"Người duyệt", "Biên tập viên"}
    assert not Membership.objects.filter(user=user).exists()


def test_an_account_locked_in_the_directory_cannot_sign_in(
    client, home_page, directory
):
    person = directory.add_person("tuan", "mat-khau-tuan")
    directory.add_group("van-thu", person)
    with configured(directory.url):
        assert sign_in(client, "tuan", "mat-khau-tuan").status_code == 302
        client.logout()
        # how OpenLDAP's password policy disables an account
        directory.modify(
            person, (ldap.MOD_ADD, "pwdAccountLockedTime", ["000001010000Z"])
        )

        response = sign_in(client, "tuan", "mat-khau-tuan")
        admin = sign_in(client, "tuan", "mat-khau-tuan", path="/admin/login/")

    assert response.status_code == 200
    assert "Sai tên đăng nhập hoặc mật khẩu." in response.content.decode()
    assert admin.status_code == 200
    assert client.get("/").context["user"].is_anonymous


def test_members_of_the_group_of_disabled_accounts_cannot_sign_in(
    client, home_page, directory
):
    person = directory.add_person("thu", "mat-khau-thu")
    directory.add_group("van-thu", person)
    directory.add_group("da-khoa", person)

    with configured(directory.url, LDAP_DENY_GROUP=DISABLED):
        response = sign_in(client, "thu", "mat-khau-thu")

    assert response.status_code == 200
    assert client.get("/").context["user"].is_anonymous


def test_a_wrong_directory_password_is_refused_like_any_other(
    client, home_page, directory
):
    directory.add_person("hoa", "mat-khau-hoa")

    with configured(directory.url):
        response = sign_in(client, "hoa", "sai")

    assert response.status_code == 200
    assert "Sai tên đăng nhập hoặc mật khẩu." in response.content.decode()
    assert not get_user_model().objects.filter(username="hoa").exists()


@pytest.fixture(params=["refuses connections", "never answers"])
def unreachable_directory(request):
    """The address of a directory that is down: nothing listens on the port, or
    something accepts the connection and never answers (a hung server)."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        if request.param == "never answers":
            server.listen()
        port = server.getsockname()[1]
        if request.param == "refuses connections":
            server.close()
        yield f"ldap://127.0.0.1:{port}"


@pytest.mark.parametrize("path", ["/login/", "/admin/login/"])
def test_while_the_directory_is_down_sign_in_says_so_and_local_administrators_still_sign_in(
    client, home_page, unreachable_directory, path
):
    administrator = UserFactory(role="admin")

    with configured(unreachable_directory, LDAP_TIMEOUT="1"):
        refused = sign_in(client, "lan", "mat-khau-lan", path=path)
        local = sign_in(client, administrator.username, PASSWORD, path=path)

    assert refused.status_code == 200
    assert DIRECTORY_DOWN in refused.content.decode()
    assert local.status_code == 302
    assert client.get("/").context["user"] == administrator


def test_a_directory_account_whose_role_needs_a_second_factor_is_asked_for_it(
    client, home_page, directory, settings
):
    settings.TWOFACTOR_REQUIRED = True
    person = directory.add_person("lan", "mat-khau-lan")
    directory.add_group("van-thu", person)

    with configured(directory.url):
        signed_in = sign_in(client, "lan", "mat-khau-lan", path="/admin/login/")
        admin = client.get("/admin/")

    assert signed_in.status_code == 302
    assert admin.status_code == 302
    assert admin["Location"].startswith(reverse("twofactor:verify"))


def entry_uuid(directory, dn):
    [(_, attributes)] = directory.connection.search_s(
        dn, ldap.SCOPE_BASE, attrlist=["entryUUID"]
    )
    return attributes["entryUUID"][0].decode()


def test_a_directory_user_never_gets_the_local_account_of_the_same_name(db):
    administrator = get_user_model().objects.create_superuser("admin")
    entry = SimpleNamespace(
        dn=f"uid=admin,{PEOPLE}",
        attrs={"entryUUID": ["0b1d8c36-5a0e-4e7e-9a55-6d9a1f0c2b11"]},
        AuthenticationFailed=Exception,
    )

    with configured("ldap://127.0.0.1:1"):
        for typed in ("admin", "ADMIN"):
            with pytest.raises(UsernameTaken):
                DirectoryBackend().get_or_build_user(typed, entry)

    assert not ExternalAccount.objects.exists()
    assert administrator.external_accounts.count() == 0


def test_signing_in_as_the_directory_namesake_of_a_local_account_is_refused_with_a_reason(
    client, home_page, directory, caplog
):
    local = UserFactory(username="lan", role="admin")
    person = directory.add_person("lan", "mat-khau-lan")
    directory.add_group("van-thu", person)

    with configured(directory.url):
        response = sign_in(client, "lan", "mat-khau-lan")
        admin = sign_in(client, "lan", "mat-khau-lan", path="/admin/login/")
        signed_in = client.get("/").context["user"]

    assert response.status_code == 200
    assert USERNAME_TAKEN in response.content.decode()
    assert admin.status_code == 200
    assert USERNAME_TAKEN in admin.content.decode()
    assert signed_in.is_anonymous
    local.refresh_from_db()
    assert local.has_usable_password()
    assert role_names(local) == {ROLE_BY_KEY["admin"].group_name}
    assert "not linked to this identity" in caplog.text


def test_a_directory_account_is_found_by_its_entry_not_by_its_name(
    client, home_page, directory
):
    person = directory.add_person("hanh", "mat-khau-hanh")
    with configured(directory.url):
        sign_in(client, "hanh", "mat-khau-hanh")
        user = get_user_model().objects.get(username="hanh")
        client.logout()
        # an administrator renames the account; the entry still signs into it
        user.username = "hanh.le"
        user.save()

        response = sign_in(client, "hanh", "mat-khau-hanh")
        signed_in = client.get("/").context["user"]

    assert response.status_code == 302
    assert signed_in == user
    assert list(user.external_accounts.values_list("source", "issuer", "subject")) == [
        ("ldap", PEOPLE, entry_uuid(directory, person))
    ]
    assert not get_user_model().objects.filter(username="hanh").exists()
