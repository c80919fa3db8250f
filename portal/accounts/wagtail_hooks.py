from wagtail import hooks

from portal.accounts.viewsets import ExternalAccountViewSet


@hooks.register("register_admin_viewset")
def register_external_accounts():
    return ExternalAccountViewSet("external_accounts")
