from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views import View
from wagtail.admin import messages
from wagtail.models import Page

from portal.access.admin_visibility import admin_queryset
from portal.access.forms import SharingForm
from portal.access.sharing import share


def deny(request):
    """Refuse an item without saying whether it exists: anonymous visitors are
    asked to sign in, signed-in users get the ordinary 404."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise Http404


class SharingView(View):
    """Who may see an item: its access level and the groups and users it is
    shared with. Changes apply at once, outside the item's revisions."""

    model = None
    permission_policy = None
    index_url_name = None

    def dispatch(self, request, pk):
        self.item = get_object_or_404(admin_queryset(self.model, request.user), pk=pk)
        if not self.may_share(request.user):
            raise PermissionDenied
        return super().dispatch(request, pk)

    def may_share(self, user):
        """Those who may change an item and see it may share it."""
        if isinstance(self.item, Page):
            may_change = self.item.permissions_for_user(user).can_edit()
            return may_change and self.item.is_visible_to(user)
        return self.permission_policy.user_has_permission_for_instance(
            user, "change", self.item
        )

    def get(self, request, pk):
        form = SharingForm(
            initial={
                "access": self.item.access,
                "groups": self.item.shared_group_ids(),
                "users": self.item.shared_user_ids(),
            }
        )
        return self.render(form)

    def post(self, request, pk):
        form = SharingForm(request.POST)
        if not form.is_valid():
            return self.render(form)
        self.item.change_access(form.cleaned_data["access"], request.user)
        share(
            self.item,
            form.cleaned_data["groups"],
            form.cleaned_data["users"],
            request.user,
        )
        messages.success(request, _("Sharing saved."))
        return redirect(request.path)

    def render(self, form):
        return TemplateResponse(
            self.request,
            "access/sharing.html",
            {"item": self.item, "form": form, "index_url_name": self.index_url_name},
        )
