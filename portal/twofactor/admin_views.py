from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from portal.twofactor import devices


def may_reset(by_user, user):
    """Administrators who may edit users; only a superuser resets a superuser."""
    return by_user.has_perm("auth.change_user") and (
        by_user.is_superuser or not user.is_superuser
    )


class ResetDevicesView(WagtailAdminTemplateMixin, TemplateView):
    """Confirm, then remove a user's authenticator app and recovery codes (a lost
    phone): they enrol again at their next sign-in."""

    template_name = "twofactor/admin/reset.html"
    page_title = gettext_lazy("Reset two-step verification")
    header_icon = "key"

    def dispatch(self, request, pk):
        self.user = get_object_or_404(get_user_model(), pk=pk)
        if not may_reset(request.user, self.user):
            raise PermissionDenied
        return super().dispatch(request)

    def get_page_subtitle(self):
        return self.user.get_full_name() or self.user.get_username()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            person=self.user, enrolled=devices.is_enrolled(self.user), **kwargs
        )

    def post(self, request):
        devices.reset(self.user, by_user=request.user)
        messages.success(
            request,
            _("Two-step verification of %(name)s was reset.")
            % {"name": self.get_page_subtitle()},
        )
        return redirect("wagtailusers_users:index")
