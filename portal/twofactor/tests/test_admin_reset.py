"""An administrator resets a user's second factor (a lost phone), in Vietnamese,
and the audit log keeps who did it."""

from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from portal.access.factories import UserFactory
from portal.twofactor import devices
from portal.twofactor.tests.conftest import code, enrolled


def test_an_administrator_resets_a_users_app_and_recovery_codes(client, home_page):
    administrator = UserFactory(role="admin")
    approver = UserFactory(role="approver", first_name="Bình", last_name="Trần")
    enrolled(approver)
    devices.new_recovery_codes(approver)
    client.force_login(administrator)

    listing = client.get("/admin/users/").content.decode()
    page = client.get(f"/admin/xac-thuc-hai-buoc/{approver.pk}/dat-lai/")
    done = client.post(f"/admin/xac-thuc-hai-buoc/{approver.pk}/dat-lai/", follow=True)

    assert f"/admin/xac-thuc-hai-buoc/{approver.pk}/dat-lai/" in listing
    assert "Đặt lại xác thực hai bước" in page.content.decode()
    assert "Đã đặt lại xác thực hai bước của Trần Bình." in done.content.decode()
    assert not TOTPDevice.objects.filter(user=approver).exists()
    assert not StaticDevice.objects.filter(user=approver).exists()
    entry = ModelLogEntry.objects.get(action="twofactor.reset")
    assert (entry.user, entry.object_id) == (administrator, str(approver.pk))


def test_the_user_is_asked_to_enrol_again_even_in_a_session_verified_before(
    client, home_page, required
):
    approver = UserFactory(role="approver")
    device = enrolled(approver)
    client.force_login(approver)
    client.post("/xac-thuc/", {"code": code(device)})
    assert client.get("/noi-bo/").status_code == 200

    devices.reset(approver, by_user=UserFactory(role="admin"))

    assert (
        client.get("/noi-bo/", follow=True)
        .redirect_chain[-1][0]
        .startswith("/xac-thuc/dang-ky/")
    )


def test_only_those_who_may_change_users_reset_and_never_a_superuser(client, home_page):
    approver = UserFactory(role="approver")
    superuser = UserFactory(is_superuser=True)
    enrolled(approver)
    enrolled(superuser)
    editor = UserFactory(role="editor")
    administrator = UserFactory(role="admin")

    client.force_login(editor)
    client.post(f"/admin/xac-thuc-hai-buoc/{approver.pk}/dat-lai/")
    client.force_login(administrator)
    client.post(f"/admin/xac-thuc-hai-buoc/{superuser.pk}/dat-lai/")

    assert TOTPDevice.objects.filter(user__in=[approver, superuser]).count() == 2
    assert not ModelLogEntry.objects.filter(action="twofactor.reset").exists()
