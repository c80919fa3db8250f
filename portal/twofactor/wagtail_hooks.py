from django.urls import path, reverse
from django.utils.http import urlencode
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


@hooks.register("register_account_menu_item")
def recovery_codes_item(request):
    """On the admin's account page, for those who signed in with a second factor."""
    if request.user.is_verified():
        next_url = urlencode({"next": reverse("wagtailadmin_account")})
        return {
            "url": f"{reverse('twofactor:recovery_codes')}?{next_url}",
            "label": _("Recovery codes"),
            "help_text": _(
                "Codes to sign in without your phone: see how many are left or "
                "make new ones."
            ),
        }
    return None
