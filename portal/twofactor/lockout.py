"""Wrong codes count toward django-axes' lockout exactly as wrong passwords do:
each is a failed sign-in of that username from that address."""

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response
from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.signals import user_login_failed


def credentials(user):
    return {str(settings.AXES_USERNAME_FORM_FIELD): user.get_username()}


def is_locked(request, user):
    return AxesProxyHandler.is_locked(request, credentials(user))


def count_wrong_code(request, user):
    """Record the failure; returns whether it locked the account out."""
    user_login_failed.send(__name__, credentials=credentials(user), request=request)
    return bool(getattr(request, "axes_locked_out", False))


def forget_wrong_codes(request, user):
    """A right code clears the pair's failures, as a right password does."""
    if settings.AXES_RESET_ON_SUCCESS:
        AxesProxyHandler.update_request(request)
        AxesProxyHandler.reset_attempts(
            ip_address=request.axes_ip_address, username=user.get_username()
        )


def locked_out(request, user):
    """Sign out the half signed-in user and answer as django-axes does."""
    given = credentials(user)
    logout(request)
    return get_lockout_response(request, None, given)
