"""The real services these tests sign in against.

``scripts/test.sh`` starts a throw-away OpenLDAP (``scripts/slapd.sh``) and
Keycloak (``scripts/keycloak.sh``) unless LDAP_TEST_URL / KEYCLOAK_TEST_URL name
running ones. Without them the tests fail loudly: they never skip.
"""

import os
import time

import ldap
import ldap.modlist
import pytest
import requests

# The backends of the test settings, to which a configured source adds its own.
BASE_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "guardian.backends.ObjectPermissionBackend",
]

# What scripts/slapd.sh creates.
SUFFIX = os.environ.get("LDAP_TEST_SUFFIX", "dc=portal,dc=test")
MANAGER_DN = os.environ.get("LDAP_TEST_MANAGER_DN", f"cn=admin,{SUFFIX}")
MANAGER_PASSWORD = os.environ.get("LDAP_TEST_MANAGER_PASSWORD", "portal-test")
PEOPLE = f"ou=people,{SUFFIX}"
GROUPS = f"ou=groups,{SUFFIX}"
# groupOfNames needs a member: the manager stands in for nobody
EMPTY_GROUP_MEMBER = MANAGER_DN

# What scripts/keycloak.sh creates.
KEYCLOAK_REALM = "portal"
KEYCLOAK_CLIENT_ID = "portal"
KEYCLOAK_CLIENT_SECRET = "portal-test-secret"
KEYCLOAK_ADMIN = ("admin", "portal-test")


def required_url(name, script):
    url = os.environ.get(name)
    if not url:
        pytest.fail(
            f"{name} is not set: run the suite with `make test`, which starts "
            f"{script}, or point it at a running server."
        )
    return url


def encode(values):
    return {
        key: [v.encode() for v in (value if isinstance(value, list) else [value])]
        for key, value in values.items()
    }


class Directory:
    """The test directory, changed through its manager as an operator would."""

    def __init__(self, url):
        self.url = url
        self.connection = ldap.initialize(url)
        self.connection.simple_bind_s(MANAGER_DN, MANAGER_PASSWORD)

    def add_person(self, uid, password, **attributes):
        dn = f"uid={uid},{PEOPLE}"
        entry = {
            "objectClass": ["inetOrgPerson"],
            "uid": uid,
            "cn": uid,
            "sn": uid,
            "givenName": uid,
            "mail": f"{uid}@example.org",
            "userPassword": password,
            **attributes,
        }
        self.connection.add_s(dn, ldap.modlist.addModlist(encode(entry)))
        return dn

    def add_group(self, cn, *members):
        dn = f"cn={cn},{GROUPS}"
        entry = {"objectClass": ["groupOfNames"], "cn": cn}
        entry["member"] = list(members) or [EMPTY_GROUP_MEMBER]
        self.connection.add_s(dn, ldap.modlist.addModlist(encode(entry)))
        return dn

    def empty(self, group):
        self.modify(group, (ldap.MOD_REPLACE, "member", [EMPTY_GROUP_MEMBER]))

    def modify(self, dn, *changes):
        self.connection.modify_s(
            dn,
            [
                (op, attribute, [v.encode() for v in values])
                for op, attribute, values in changes
            ],
        )

    def clear(self):
        for base in (PEOPLE, GROUPS):
            for dn, _ in self.connection.search_s(
                base, ldap.SCOPE_ONELEVEL, attrlist=["1.1"]
            ):
                self.connection.delete_s(dn)


@pytest.fixture(scope="session")
def directory_server():
    directory = Directory(required_url("LDAP_TEST_URL", "scripts/slapd.sh"))
    yield directory
    directory.connection.unbind_s()


@pytest.fixture
def directory(directory_server):
    """The directory, emptied of the test's people and groups afterwards."""
    yield directory_server
    directory_server.clear()


class Keycloak:
    """The test realm, given people and groups through the admin REST API."""

    def __init__(self, url):
        self.url = url.rstrip("/")
        self.realm_url = f"{self.url}/realms/{KEYCLOAK_REALM}"
        self.admin_url = f"{self.url}/admin/realms/{KEYCLOAK_REALM}"
        self.session = requests.Session()

    def wait_until_ready(self, seconds):
        """The test command starts Keycloak in the background: wait for the realm."""
        deadline = time.monotonic() + seconds
        while True:
            try:
                if requests.get(self.realm_url, timeout=2).ok:
                    break
            except requests.ConnectionError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"Keycloak at {self.url} did not answer in {seconds} s")
            time.sleep(1)

    def sign_in_as_administrator(self):
        # the master realm's tokens last a minute: one per test
        token = requests.post(
            f"{self.url}/realms/master/protocol/openid-connect/token",
            data={
                "grant_type": "password",
                "client_id": "admin-cli",
                "username": KEYCLOAK_ADMIN[0],
                "password": KEYCLOAK_ADMIN[1],
            },
            timeout=10,
        )
        token.raise_for_status()
        self.session.headers["Authorization"] = f"Bearer {token.json()['access_token']}"

    def _call(self, method, path, **kwargs):
        response = self.session.request(
            method, f"{self.admin_url}{path}", timeout=10, **kwargs
        )
        response.raise_for_status()
        return response

    def add_group(self, name):
        """The new group's id."""
        return (
            self._call("POST", "/groups", json={"name": name})
            .headers["Location"]
            .rsplit("/", 1)[1]
        )

    def add_person(self, username, password, *groups, **attributes):
        """The new person's id, as a member of the groups (their ids)."""
        person = (
            self._call(
                "POST",
                "/users",
                json={
                    "username": username,
                    "enabled": True,
                    "emailVerified": True,
                    "credentials": [
                        {"type": "password", "value": password, "temporary": False}
                    ],
                    **attributes,
                },
            )
            .headers["Location"]
            .rsplit("/", 1)[1]
        )
        for group in groups:
            self.join(person, group)
        return person

    def join(self, person, group):
        self._call("PUT", f"/users/{person}/groups/{group}")

    def leave(self, person, group):
        self._call("DELETE", f"/users/{person}/groups/{group}")

    def sign_out(self, person):
        """End every session of the person at the provider."""
        self._call("POST", f"/users/{person}/logout")

    def clear(self):
        for kind in ("users", "groups"):
            for item in self._call("GET", f"/{kind}").json():
                self._call("DELETE", f"/{kind}/{item['id']}")


@pytest.fixture(scope="session")
def keycloak_server():
    keycloak = Keycloak(required_url("KEYCLOAK_TEST_URL", "scripts/keycloak.sh"))
    keycloak.wait_until_ready(int(os.environ.get("KEYCLOAK_TEST_WAIT", "300")))
    return keycloak


@pytest.fixture
def keycloak(keycloak_server):
    keycloak_server.sign_in_as_administrator()
    yield keycloak_server
    keycloak_server.clear()
