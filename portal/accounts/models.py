"""The link between a portal account and its identity at the directory or the
single sign-on provider.

A source names an account by an identifier that never changes (the provider's
``sub``, the directory entry's ``entryUUID``), not by its user name, which a
local account may already hold: a sign-in finds its user through this link only.
The first sign-in of an unknown identity creates a new account and links it, unless
a portal account already has that user name; that one is never adopted, however
alike the names: an administrator links it by hand if it is the same person.
"""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)


class UsernameTaken(ValidationError):
    """Raised out of ``authenticate()``: the sign-in forms show it as their error,
    and the single sign-on's return page as a message."""

    def __init__(self):
        super().__init__(
            _(
                "A portal account with this user name already exists and is not "
                "linked to your directory or single sign-on account, so you cannot "
                "sign in with it. Please ask the administrators to link the two "
                "accounts."
            ),
            code="username_taken",
        )


class ExternalAccountQuerySet(models.QuerySet):
    def linked_user(self, source, issuer, subject):
        """The portal account linked to this identity, or None."""
        link = self.filter(source=source, issuer=issuer, subject=subject).first()
        return link.user if link else None

    def refuse_taken_username(self, source, username):
        """Before creating an account for an unknown identity: a user name that
        exists already (in any case) belongs to someone else until linked."""
        if get_user_model().objects.filter(username__iexact=username).exists():
            logger.warning(
                "refused a %s sign-in: the user name %r belongs to a portal account "
                "not linked to this identity",
                source,
                username,
            )
            raise UsernameTaken()


class ExternalAccount(models.Model):
    class Source(models.TextChoices):
        DIRECTORY = "ldap", _("Directory (LDAP)")
        SINGLE_SIGN_ON = "oidc", _("Single sign-on (OpenID Connect)")

    source = models.CharField(_("source"), max_length=8, choices=Source.choices)
    issuer = models.CharField(
        _("issuer"),
        max_length=255,
        help_text=_(
            "The provider's issuer address, or the directory's base of people."
        ),
    )
    subject = models.CharField(
        _("identifier"),
        max_length=255,
        help_text=_(
            "The provider's sub claim, or the directory entry's unique identifier "
            "(entryUUID)."
        ),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="external_accounts",
        verbose_name=_("portal account"),
    )
    linked_at = models.DateTimeField(_("linked at"), auto_now_add=True)

    objects = ExternalAccountQuerySet.as_manager()

    class Meta:
        verbose_name = _("linked external account")
        verbose_name_plural = _("linked external accounts")
        constraints = [
            models.UniqueConstraint(
                fields=["source", "issuer", "subject"],
                name="accounts_one_user_per_identity",
            )
        ]

    def __str__(self):
        return f"{self.get_source_display()}: {self.subject} → {self.user}"
