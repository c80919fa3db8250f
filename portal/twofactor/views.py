import django_otp
import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp.plugins.otp_static.models import StaticDevice

from portal.twofactor import devices, lockout
from portal.twofactor.forms import CodeForm
from portal.twofactor.policy import requires_second_factor

# The recovery codes of the last enrolment or regeneration, shown once.
FRESH_CODES = "twofactor_fresh_codes"


def next_url(request):
    url = request.POST.get("next") or request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return settings.LOGIN_REDIRECT_URL


def go_on(request, view_name):
    """To another step of the second factor, keeping where the user was going."""
    return redirect_to_login(next_url(request), reverse(view_name))


def sign_in(request, device):
    """Mark the session verified by the device, under a new session key."""
    request.session.cycle_key()
    django_otp.login(request, device)
    lockout.forget_wrong_codes(request, request.user)


def check_code(request, form, check):
    """Run ``check(code)`` on a submitted form; a wrong code counts toward the
    lockout. Returns (what check answered, a lockout response or None)."""
    user = request.user
    if lockout.is_locked(request, user):
        return None, lockout.locked_out(request, user)
    if not form.is_valid():
        return None, None
    result = check(form.cleaned_data["code"])
    if result:
        return result, None
    if lockout.count_wrong_code(request, user):
        return None, lockout.locked_out(request, user)
    form.wrong_code()
    return None, None


@never_cache
@login_required
def verify(request):
    user = request.user
    if user.is_verified() or not requires_second_factor(user):
        return redirect(next_url(request))
    if not devices.is_enrolled(user):
        return go_on(request, "twofactor:enrol")
    form = CodeForm(request.POST or None)
    if request.method == "POST":
        device, refusal = check_code(
            request, form, lambda code: devices.verify(user, code)
        )
        if refusal:
            return refusal
        if device:
            sign_in(request, device)
            if isinstance(device, StaticDevice):
                left = devices.recovery_codes_left(user)
                messages.warning(
                    request,
                    ngettext(
                        "You signed in with a recovery code: %(count)d is left.",
                        "You signed in with a recovery code: %(count)d are left.",
                        left,
                    )
                    % {"count": left},
                )
            return redirect(next_url(request))
    return render(
        request, "twofactor/verify.html", {"form": form, "next": next_url(request)}
    )


@never_cache
@login_required
def enrol(request):
    """First sign-in: scan the code (or type the key), then confirm with a code
    from the app before it counts. One app per user; a user who has one gives a
    code from it instead, so that a password alone never enrols another."""
    user = request.user
    if not requires_second_factor(user):
        return redirect(next_url(request))
    if devices.is_enrolled(user):
        return go_on(request, "twofactor:verify")
    device = devices.pending_app(user, request.session)
    form = CodeForm(request.POST or None)
    if request.method == "POST":
        codes, refusal = check_code(
            request, form, lambda code: devices.confirm_app(device, code)
        )
        if refusal:
            return refusal
        if codes:
            sign_in(request, device)
            del request.session[devices.PENDING_KEY]
            request.session[FRESH_CODES] = codes
            return go_on(request, "twofactor:recovery_codes")
    qr_code = segno.make(device.config_url, error="m").svg_inline(
        scale=4, light="#fff", title=_("QR code of the key for the app")
    )
    return render(
        request,
        "twofactor/enrol.html",
        {
            "form": form,
            "next": next_url(request),
            "qr_code": qr_code,
            "secret": devices.secret(device),
        },
    )


@never_cache
@login_required
def recovery_codes(request):
    """The new codes once, right after they are made; afterwards, how many are
    left and a button to replace them all."""
    if not request.user.is_verified():
        return go_on(request, "twofactor:verify")
    return render(
        request,
        "twofactor/recovery_codes.html",
        {
            "codes": request.session.pop(FRESH_CODES, None),
            "left": devices.recovery_codes_left(request.user),
            "next": next_url(request),
        },
    )


@require_POST
@login_required
def regenerate_recovery_codes(request):
    if not request.user.is_verified():
        return go_on(request, "twofactor:verify")
    request.session[FRESH_CODES] = devices.new_recovery_codes(request.user)
    messages.success(request, _("New recovery codes replace the old ones."))
    return go_on(request, "twofactor:recovery_codes")
