from wagtail import hooks

from portal.signing.viewsets import SigningKeyViewSet


@hooks.register("register_admin_viewset")
def register_signing_keys():
    return SigningKeyViewSet("signing_keys")
