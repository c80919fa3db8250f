from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.core.uploads import FileKindValidator

from .reports import SignatureReport


def private_storage():
    return storages["private"]


class SigningKey(models.Model):
    """Where a signer's (or the organisation's) private key lives.

    The key itself never enters the portal's database: a PKCS#12 file in private
    storage, opened with a passphrase typed at signing time, or a key on a
    PKCS#11 token, used through its module with a PIN typed at signing time.
    """

    class Kind(models.TextChoices):
        PKCS12 = "pkcs12", _("PKCS#12 file")
        PKCS11 = "pkcs11", _("PKCS#11 token")

    name = models.CharField(_("name"), max_length=255)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("signer"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="signing_keys",
        help_text=_(
            "The person with signing authority who holds this key. Leave empty for "
            "the organisation's key, applied by the clerk."
        ),
    )
    kind = models.CharField(
        _("kind of key"), max_length=8, choices=Kind.choices, default=Kind.PKCS12
    )
    pkcs12_file = models.FileField(
        _("PKCS#12 file"),
        upload_to="signing/keys/",
        storage=private_storage,
        blank=True,
        help_text=_(
            "A .p12 or .pfx file holding the key and its certificate, protected by "
            "a passphrase that is typed at each signing and never stored."
        ),
    )
    pkcs11_module = models.CharField(
        _("PKCS#11 module"),
        max_length=255,
        blank=True,
        help_text=_("Path of the token's module, one of those the settings allow."),
    )
    token_label = models.CharField(_("token label"), max_length=255, blank=True)
    key_label = models.CharField(
        _("key label"),
        max_length=255,
        blank=True,
        help_text=_("Label of the private key and its certificate on the token."),
    )
    image = models.FileField(
        _("signature image"),
        upload_to="signing/images/",
        storage=private_storage,
        blank=True,
        validators=[FileKindValidator(("png",))],
        help_text=_(
            "PNG on a transparent background: the signer's handwritten signature "
            "in blue, or the organisation's seal in red at its real size "
            "(Decree 30/2020/ND-CP, Appendix I)."
        ),
    )
    active = models.BooleanField(_("in use"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("signing key")
        verbose_name_plural = _("signing keys")
        ordering = ["name"]

    def __str__(self):
        return self.name

    @property
    def role(self):
        return "personal" if self.owner_id else "organisation"

    def clean(self):
        super().clean()
        if self.kind == self.Kind.PKCS12 and not self.pkcs12_file:
            raise ValidationError(
                {"pkcs12_file": _("A key of this kind needs its PKCS#12 file.")}
            )
        if self.kind == self.Kind.PKCS11:
            missing = {
                name: _("A key on a token needs this.")
                for name in ("pkcs11_module", "token_label", "key_label")
                if not getattr(self, name)
            }
            if missing:
                raise ValidationError(missing)
            if self.pkcs11_module not in allowed_modules():
                # Loading a module runs its code: only those the operator named.
                raise ValidationError(
                    {
                        "pkcs11_module": _(
                            "This module is not among those allowed by the "
                            "SIGNING_PKCS11_MODULES setting."
                        )
                    }
                )


def allowed_modules():
    return list(getattr(settings, "SIGNING_PKCS11_MODULES", []))


class FileVerification(models.Model):
    """What verifying the signatures of a stored PDF found.

    Keyed by the file's name in private storage, so the apps that store signed
    files (the archive, the registers) need no link to this one: they ask for
    their file to be verified when it is saved, and show the result by its name.
    """

    file_name = models.CharField(_("file"), max_length=255, unique=True)
    verified_at = models.DateTimeField(_("verified at"), auto_now=True)
    signatures = models.JSONField(_("signatures"), default=list)
    unverifiable = models.BooleanField(
        _("could not be verified"),
        default=False,
        help_text=_("The file is damaged or beyond the limits of the check."),
    )

    class Meta:
        verbose_name = _("signature verification")
        verbose_name_plural = _("signature verifications")

    def __str__(self):
        return self.file_name

    def reports(self):
        return [SignatureReport.from_json(data) for data in self.signatures]
