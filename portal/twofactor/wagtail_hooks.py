from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from portal.twofactor.admin_views import ResetDevicesView, may_reset
from portal.twofactor.devices import RESET_ACTION


@hooks.register("register_log_actions")
def register_twofactor_actions(actions):
    actions.register_action(
        RESET_ACTION,
        _("Reset two-step verification"),
        _("Two-step verification reset"),
    )


@hooks.register("register_admin_urls")
def twofactor_admin_urls():
    return [
        path(
            "xac-thuc-hai-buoc/<int:pk>/dat-lai/",
            ResetDevicesView.as_view(),
            name="twofactor_reset",
        )
    ]


@hooks.register("register_user_listing_buttons")
def reset_button(user, request_user):
    if may_reset(request_user, user):
        yield Button(
            _("Reset two-step verification"),
            reverse("twofactor_reset", args=[user.pk]),
            icon_name="key",
            priority=60,
        )
