"""Test data builders for signing keys (factory_boy)."""

import factory
from django.core.files.base import ContentFile

from portal.signing import demo_keys
from portal.signing.models import SigningKey


class SigningKeyFactory(factory.django.DjangoModelFactory):
    """A key in a PKCS#12 file sealed with ``passphrase``; pass ``identity``
    (from ``demo_keys.Authority.issue``)."""

    class Meta:
        model = SigningKey

    class Params:
        identity = None
        passphrase = "mật-khẩu-thử"

    name = factory.Sequence(lambda n: f"Khóa {n + 1}")
    owner = None  # the organisation's key
    kind = SigningKey.Kind.PKCS12
    pkcs12_file = factory.LazyAttribute(
        lambda key: ContentFile(key.identity.pkcs12(key.passphrase), name="key.p12")
    )
    image = factory.LazyAttribute(
        lambda key: ContentFile(
            demo_keys.signature_image() if key.owner else demo_keys.seal_image(),
            name="image.png",
        )
    )


class TokenKeyFactory(SigningKeyFactory):
    """A key on a PKCS#11 token (see ``demo_keys.softhsm_token``)."""

    kind = SigningKey.Kind.PKCS11
    pkcs12_file = ""
    pkcs11_module = demo_keys.SOFTHSM_MODULE
    token_label = "portal"
    key_label = "signing"
