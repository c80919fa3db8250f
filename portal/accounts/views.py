from django.contrib import messages
from django.utils.translation import gettext as _
from mozilla_django_oidc.views import OIDCAuthenticationCallbackView

from portal.accounts.models import UsernameTaken


class SingleSignOnCallbackView(OIDCAuthenticationCallbackView):
    """Back from the provider; a refusal lands on the sign-in page with a reason
    instead of the home page without one."""

    def get(self, request):
        try:
            return super().get(request)
        except UsernameTaken as refusal:
            messages.error(request, refusal.messages[0])
            return super().login_failure()

    def login_failure(self):
        messages.error(
            self.request,
            _(
                "Sign-in through the single sign-on did not succeed. Please try "
                "again, or sign in with a portal account."
            ),
        )
        return super().login_failure()
