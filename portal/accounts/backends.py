"""Standard Django authentication backends for the directory and the single
sign-on: whatever follows a sign-in (the second factor, the lockout) sees their
users as it sees those of a password."""

import ldap
from django.conf import settings
from django.core.exceptions import ValidationError
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from django_auth_ldap.backend import LDAPBackend, ldap_error
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from portal.accounts.groups import GroupMap

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
    def authenticate_ldap_user(self, ldap_user, password):
        user = super().authenticate_ldap_user(ldap_user, password)
        if user is not None:
            GroupMap(settings.ACCOUNTS_LDAP_GROUP_MAP).apply(user, ldap_user.group_dns)
        return user


@receiver(ldap_error, sender=DirectoryBackend)
def refuse_while_directory_down(sender, context, exception, **kwargs):
    # django-auth-ldap logs and swallows every LDAP error, which would read as a
    # wrong password; an unreachable directory deserves its own message.
    if isinstance(exception, DIRECTORY_DOWN):
        raise DirectoryUnavailable()


class SingleSignOnBackend(OIDCAuthenticationBackend):
    """Accounts named by the provider's username claim (not the e-mail, which
    two people may share or change), with the roles and units of its groups."""

    def _username(self, claims):
        return claims.get(settings.ACCOUNTS_OIDC_USERNAME_CLAIM)

    def verify_claims(self, claims):
        return bool(self._username(claims))

    def describe_user_by_claims(self, claims):
        return f"username {self._username(claims)}"

    def filter_users_by_claims(self, claims):
        return self.UserModel.objects.filter(username=self._username(claims))

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
