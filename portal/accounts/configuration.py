"""Directory and single sign-on settings read from the environment.

Each source is on only when its address is set: ``LDAP_URL`` for the directory
(django-auth-ldap), ``OIDC_CLIENT_ID`` for the single sign-on (mozilla-django-oidc).
Without them the portal signs in with its own passwords only. README lists the
variables; a mistyped group map stops the start, not a sign-in.
"""

import json

import ldap
from django.core.exceptions import ImproperlyConfigured
from django_auth_ldap.config import (
    GroupOfNamesType,
    GroupOfUniqueNamesType,
    LDAPSearch,
    NestedActiveDirectoryGroupType,
    PosixGroupType,
)

from portal.access.roles import ROLE_BY_KEY

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"
DIRECTORY_BACKEND = "portal.accounts.backends.DirectoryBackend"
SINGLE_SIGN_ON_BACKEND = "portal.accounts.backends.SingleSignOnBackend"
AUTHENTICATION_MIDDLEWARE = "django.contrib.auth.middleware.AuthenticationMiddleware"
SESSION_REFRESH = "mozilla_django_oidc.middleware.SessionRefresh"

GROUP_TYPES = {
    "groupOfNames": GroupOfNamesType,
    "groupOfUniqueNames": GroupOfUniqueNamesType,
    "posixGroup": PosixGroupType,
    "activeDirectory": NestedActiveDirectoryGroupType,
}


def parse_group_map(entries):
    """Check a map read from the environment; return it with folded group names.

    ``entries`` is ``{group: {"roles": [key, …], "units": [name, …]}}``. Group names
    compare without case: LDAP distinguished names do not depend on it.
    """
    if not isinstance(entries, dict):
        raise ValueError("a group map is a JSON object of groups")
    parsed = {}
    for group, grant in entries.items():
        if (
            not isinstance(grant, dict)
            or set(grant) - {"roles", "units"}
            or not all(isinstance(values, list) for values in grant.values())
        ):
            raise ValueError(f"{group!r}: give a list of roles and/or of units")
        roles = grant.get("roles", [])
        unknown = [key for key in roles if key not in ROLE_BY_KEY]
        if unknown:
            raise ValueError(
                f"{group!r}: unknown roles {unknown}; the roles are {list(ROLE_BY_KEY)}"
            )
        parsed[group.strip().lower()] = {
            "roles": roles,
            "units": [str(name) for name in grant.get("units", [])],
        }
    return parsed


def group_map(environ, name):
    try:
        return parse_group_map(json.loads(environ.get(name) or "{}"))
    except ValueError as error:
        raise ImproperlyConfigured(f"{name}: {error}") from error


def directory_settings(environ):
    """django-auth-ldap's settings; the service account searches for the user,
    who then binds with their own password (a refused bind is a refused sign-in:
    wrong password, or an account the directory has locked or disabled)."""
    group_type = environ.get("LDAP_GROUP_TYPE", "groupOfNames")
    if group_type not in GROUP_TYPES:
        raise ImproperlyConfigured(
            f"LDAP_GROUP_TYPE: one of {', '.join(GROUP_TYPES)}, not {group_type!r}"
        )
    people = environ.get("LDAP_USER_SEARCH_BASE")
    if not people:
        raise ImproperlyConfigured(
            "LDAP_USER_SEARCH_BASE must name where the directory keeps people"
        )
    timeout = float(environ.get("LDAP_TIMEOUT", "5"))
    # what links an entry to its account: operational, so asked for by name
    id_attribute = environ.get("LDAP_USER_ID_ATTRIBUTE", "entryUUID")
    attributes = ["*", id_attribute]
    return {
        "AUTH_LDAP_SERVER_URI": environ["LDAP_URL"],
        "AUTH_LDAP_START_TLS": environ.get("LDAP_START_TLS", "").lower()
        in {"1", "true", "yes", "on"},
        "AUTH_LDAP_BIND_DN": environ.get("LDAP_BIND_DN", ""),
        "AUTH_LDAP_BIND_PASSWORD": environ.get("LDAP_BIND_PASSWORD", ""),
        "AUTH_LDAP_USER_SEARCH": LDAPSearch(
            people,
            ldap.SCOPE_SUBTREE,
            environ.get("LDAP_USER_FILTER", "(uid=%(user)s)"),
            attrlist=attributes,
        ),
        "AUTH_LDAP_USER_ATTRLIST": attributes,
        "AUTH_LDAP_GROUP_SEARCH": LDAPSearch(
            environ.get("LDAP_GROUP_SEARCH_BASE", people),
            ldap.SCOPE_SUBTREE,
            environ.get("LDAP_GROUP_FILTER", "(objectClass=*)"),
        ),
        "AUTH_LDAP_GROUP_TYPE": GROUP_TYPES[group_type](),
        # members of this group are refused, whatever their password
        "AUTH_LDAP_DENY_GROUP": environ.get("LDAP_DENY_GROUP") or None,
        "AUTH_LDAP_USER_ATTR_MAP": {
            "first_name": "givenName",
            "last_name": "sn",
            "email": "mail",
        },
        "AUTH_LDAP_ALWAYS_UPDATE_USER": True,
        # a directory that does not answer must not hold the sign-in page
        "AUTH_LDAP_CONNECTION_OPTIONS": {
            ldap.OPT_NETWORK_TIMEOUT: timeout,
            ldap.OPT_TIMEOUT: timeout,
        },
        "ACCOUNTS_LDAP_GROUP_MAP": group_map(environ, "LDAP_GROUP_MAP"),
        "ACCOUNTS_LDAP_ID_ATTRIBUTE": id_attribute,
        # the directory an identifier belongs to, in the link to its account
        "ACCOUNTS_LDAP_DIRECTORY": people.lower(),
    }


def single_sign_on_settings(environ):
    """mozilla-django-oidc's settings. ``OIDC_ISSUER`` names a Keycloak realm
    (https://sso.example/realms/NAME), from which the endpoints follow; other
    providers name each endpoint."""
    issuer = environ.get("OIDC_ISSUER", "").rstrip("/")

    def endpoint(name, keycloak_path):
        value = environ.get(name) or (
            f"{issuer}/protocol/openid-connect/{keycloak_path}" if issuer else ""
        )
        if not value:
            raise ImproperlyConfigured(f"{name} or OIDC_ISSUER must be set")
        return value

    return {
        "OIDC_RP_CLIENT_ID": environ["OIDC_CLIENT_ID"],
        "OIDC_RP_CLIENT_SECRET": environ.get("OIDC_CLIENT_SECRET", ""),
        "OIDC_RP_SIGN_ALGO": environ.get("OIDC_SIGN_ALGO", "RS256"),
        "OIDC_RP_SCOPES": environ.get("OIDC_SCOPES", "openid email profile"),
        "OIDC_OP_AUTHORIZATION_ENDPOINT": endpoint(
            "OIDC_AUTHORIZATION_ENDPOINT", "auth"
        ),
        "OIDC_OP_TOKEN_ENDPOINT": endpoint("OIDC_TOKEN_ENDPOINT", "token"),
        "OIDC_OP_USER_ENDPOINT": endpoint("OIDC_USERINFO_ENDPOINT", "userinfo"),
        "OIDC_OP_JWKS_ENDPOINT": endpoint("OIDC_JWKS_ENDPOINT", "certs"),
        "OIDC_TIMEOUT": float(environ.get("OIDC_TIMEOUT", "10")),
        # how long a session lives before the provider is asked again, silently,
        # whether the person may still sign in (and in which groups)
        "OIDC_RENEW_ID_TOKEN_EXPIRY_SECONDS": int(
            environ.get("OIDC_RENEW_SECONDS", "900")
        ),
        "LOGIN_REDIRECT_URL_FAILURE": "/login/",
        "ACCOUNTS_OIDC_USERNAME_CLAIM": environ.get(
            "OIDC_USERNAME_CLAIM", "preferred_username"
        ),
        "ACCOUNTS_OIDC_GROUPS_CLAIM": environ.get("OIDC_GROUPS_CLAIM", "groups"),
        "ACCOUNTS_OIDC_GROUP_MAP": group_map(environ, "OIDC_GROUP_MAP"),
    }


def account_settings(environ, backends, middleware=()):
    """The settings of the sources the environment configures, with their
    backends placed after Django's own: a local account (the administrators')
    signs in first, even while the directory is down. With the single sign-on,
    ``middleware`` gets mozilla-django-oidc's session refresh after the user is
    known: a person the provider no longer signs in loses their session."""
    found = {}
    added = []
    if environ.get("LDAP_URL"):
        found.update(directory_settings(environ))
        added.append(DIRECTORY_BACKEND)
    if environ.get("OIDC_CLIENT_ID"):
        found.update(single_sign_on_settings(environ))
        added.append(SINGLE_SIGN_ON_BACKEND)
        if middleware:
            after = middleware.index(AUTHENTICATION_MIDDLEWARE) + 1
            found["MIDDLEWARE"] = [
                *middleware[:after],
                SESSION_REFRESH,
                *middleware[after:],
            ]
    place = backends.index(MODEL_BACKEND) + 1
    found["AUTHENTICATION_BACKENDS"] = [*backends[:place], *added, *backends[place:]]
    found["ACCOUNTS_SINGLE_SIGN_ON"] = bool(environ.get("OIDC_CLIENT_ID"))
    return found
