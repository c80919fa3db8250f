from functools import wraps

from django.conf import settings
from django.http import Http404
from django.urls import path
from mozilla_django_oidc.views import OIDCAuthenticationRequestView, OIDCLogoutView

from portal.accounts.views import SingleSignOnCallbackView


def when_configured(view):
    """The provider's views read its settings: without them there is no page."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not settings.ACCOUNTS_SINGLE_SIGN_ON:
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped


# the names mozilla-django-oidc reverses
urlpatterns = [
    path(
        "authenticate/",
        when_configured(OIDCAuthenticationRequestView.as_view()),
        name="oidc_authentication_init",
    ),
    path(
        "callback/",
        when_configured(SingleSignOnCallbackView.as_view()),
        name="oidc_authentication_callback",
    ),
    # a sign-out (POST) the session refresh middleware expects by this name
    path("logout/", when_configured(OIDCLogoutView.as_view()), name="oidc_logout"),
]
