"""Standard Django authentication backends for the directory and the single
sign-on: whatever follows a sign-in (the second factor, the lockout) sees their
users as it sees those of a password."""

import logging

import ldap
from django.conf import settings
from django.core.exceptions import SuspiciousOperation, ValidationError
from django.db import transaction
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from django_auth_ldap.backend import LDAPBackend, ldap_error
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from portal.accounts.groups import GroupMap
from portal.accounts.models import ExternalAccount

logger = logging.getLogger(__name__)

DIRECTORY_DOWN = (ldap.SERVER_DOWN, ldap.TIMEOUT, ldap.CONNECT_ERROR)


class DirectoryUnavailable(ValidationError):
    """Raised out of ``authenticate()``: the sign-in forms of the site and the
    admin both show it as their error, instead of "wrong password"."""

    def __init__(self):
        super().__init__(
            _(
                "The staff directory (LDAP) cannot be reached, so directory "
                "accounts cannot sign in right now. Please try again in a few "
                "minutes or tell the administrators; local administrator "
                "accounts still sign in."
            ),
            code="directory_unavailable",
        )


class DirectoryBackend(LDAPBackend):
    """Directory entries linked to their accounts by a unique identifier of the
    entry (``entryUUID``), never by the user name (see ``ExternalAccount``)."""

    def _identity(self, ldap_user):
        attribute = settings.ACCOUNTS_LDAP_ID_ATTRIBUTE
        values = ldap_user.attrs.get(attribute) if ldap_user.attrs else None
        if not values:
            logger.error("directory entry %s has no %s", ldap_user.dn, attribute)
            raise ldap_user.AuthenticationFailed(f"no {attribute}")
        # Active Directory's objectGUID is binary
        subject = values[0].hex() if isinstance(values[0], bytes) else values[0]
        return {
            "source": ExternalAccount.Source.DIRECTORY,
            "issuer": settings.ACCOUNTS_LDAP_DIRECTORY,
            "subject": subject,
        }

    def get_or_build_user(self, username, ldap_user):
        identity = self._identity(ldap_user)
        user = ExternalAccount.objects.linked_user(**identity)
        if user is not None:
            return user, False
        ExternalAccount.objects.refuse_taken_username(identity["source"], username)
        return self.get_user_model()(username=username), True

    def authenticate_ldap_user(self, ldap_user, password):
        user = super().authenticate_ldap_user(ldap_user, password)
        if user is not None:
            ExternalAccount.objects.get_or_create(
                **self._identity(ldap_user), defaults={"user": user}
            )
            GroupMap(settings.ACCOUNTS_LDAP_GROUP_MAP).apply(user, ldap_user.group_dns)
        return user


@receiver(ldap_error, sender=DirectoryBackend)
def refuse_while_directory_down(sender, context, exception, **kwargs):
    # django-auth-ldap logs and swallows every LDAP error, which would read as a
    # wrong password; an unreachable directory deserves its own message.
    if isinstance(exception, DIRECTORY_DOWN):
        raise DirectoryUnavailable()


class SingleSignOnBackend(OIDCAuthenticationBackend):
    """Accounts linked to the provider's ``sub`` claim under its issuer (see
    ``ExternalAccount``); a new account takes the username claim as its name (not
    the e-mail, which two people may share or change). Roles and units follow the
    provider's groups."""

    def _username(self, claims):
        return claims.get(settings.ACCOUNTS_OIDC_USERNAME_CLAIM)

    def verify_claims(self, claims):
        return bool(self._username(claims)) and bool(claims.get("sub"))

    @transaction.atomic
    def get_or_create_user(self, access_token, id_token, payload):
        claims = self.get_userinfo(access_token, id_token, payload)
        if not self.verify_claims(claims):
            raise SuspiciousOperation("Claims verification failed")
        # the user information must describe the person the signed ID token names
        if not payload.get("iss") or claims.get("sub") != payload.get("sub"):
            raise SuspiciousOperation("user information and ID token disagree")
        identity = {
            "source": ExternalAccount.Source.SINGLE_SIGN_ON,
            "issuer": payload["iss"],
            "subject": claims["sub"],
        }
        user = ExternalAccount.objects.linked_user(**identity)
        if user is not None:
            return self.update_user(user, claims)
        ExternalAccount.objects.refuse_taken_username(
            identity["source"], self._username(claims)
        )
        user = self.create_user(claims)
        ExternalAccount.objects.create(**identity, user=user)
        return user

    def create_user(self, claims):
        user = self.UserModel.objects.create_user(self._username(claims))
        return self.update_user(user, claims)

    def update_user(self, user, claims):
        user.email = claims.get("email", "")
        user.first_name = claims.get("given_name", "")
        user.last_name = claims.get("family_name", "")
        user.save()
        GroupMap(settings.ACCOUNTS_OIDC_GROUP_MAP).apply(
            user, claims.get(settings.ACCOUNTS_OIDC_GROUPS_CLAIM, [])
        )
        return user
