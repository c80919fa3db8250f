from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse

from portal.twofactor.policy import requires_second_factor

# Sign-in pages: a user half signed in is sent on to the second factor instead.
LOGIN_VIEWS = {"login", "wagtailadmin_login"}
# What a user half signed in may still do besides giving the second factor.
OPEN_VIEWS = {"logout", "wagtailadmin_logout", "set_language"}


async def anonymous():
    return AnonymousUser()


class SecondFactorMiddleware:
    """Until a user who must give a second factor has given it, they are signed
    in for the second factor's pages only.

    The admin, the intranet (``TWOFACTOR_PROTECTED_PATHS``) and the sign-in pages
    send them to the verification (or enrolment) page; every other page is
    served as to an anonymous reader, so that no view, listing or search shows
    them anything a password alone would not earn. Login-only views elsewhere
    send anonymous readers to the sign-in page, and so to the second factor.
    It checks the session's verified state, not a login view, so it holds after
    any way of signing in (password, directory, single sign-on).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if (
            match.namespace == "twofactor"
            or match.url_name in OPEN_VIEWS
            or not is_pending(request.user)
        ):
            return None
        if match.url_name in LOGIN_VIEWS:
            return redirect_to_verification(request.GET.get("next", ""))
        if request.path_info.startswith(tuple(settings.TWOFACTOR_PROTECTED_PATHS)):
            return redirect_to_verification(request.get_full_path())
        request.user = AnonymousUser()
        request.auser = anonymous
        return None


def is_pending(user):
    """Signed in with the first factor only, and needing a second."""
    return (
        settings.TWOFACTOR_REQUIRED
        and user.is_authenticated
        and not user.is_verified()
        and requires_second_factor(user)
    )


def redirect_to_verification(next_url):
    if not next_url:
        return redirect("twofactor:verify")
    return redirect_to_login(next_url, reverse("twofactor:verify"))
