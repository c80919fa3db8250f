"""Enrolment, codes in time and recovery codes. Time is travelled so that the
app's code of each 30-second step is known; django-otp accepts one step of
drift either way (its default tolerance) and each step's code only once."""

import re
from base64 import b32encode
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.test import Client
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.access.factories import UserFactory
from portal.twofactor import devices
from portal.twofactor.tests.conftest import code, code_for, enrolled

WRONG = "Mã không đúng, đã hết hạn hoặc đã được dùng."


@pytest.fixture
def clock():
    with time_machine.travel(datetime(2026, 3, 2, 5, 0, 15, tzinfo=UTC), tick=False):
        yield


@pytest.fixture
def approver(client, home_page, required):
    user = UserFactory(role="approver")
    client.force_login(user)
    return user


def give(client, value, path="/xac-thuc/"):
    return client.post(path, {"code": value, "next": "/noi-bo/"})


def sign_in_again(client, user):
    client.logout()
    client.force_login(user)


def other_than(value):
    return f"{(int(value) + 1) % 10**6:06d}"


def test_enrolment_saves_the_app_only_once_a_code_from_it_confirms_it(
    client, approver, clock
):
    secret = client.get("/xac-thuc/dang-ky/").context["secret"]

    wrong = give(client, other_than(code_for(secret)), "/xac-thuc/dang-ky/")
    assert WRONG in wrong.content.decode()
    assert not TOTPDevice.objects.filter(user=approver).exists()
    assert client.get("/noi-bo/")["Location"].startswith("/xac-thuc/")

    with time_machine.travel(timedelta(seconds=5)):  # past the throttle's delay
        right = give(client, code_for(secret), "/xac-thuc/dang-ky/")
    assert right["Location"] == "/xac-thuc/ma-du-phong/?next=/noi-bo/"
    assert TOTPDevice.objects.get(user=approver).confirmed is True
    assert client.get("/noi-bo/").status_code == 200


def test_the_enrolment_page_shows_the_key_as_a_qr_code_and_typed_by_hand(
    client, approver
):
    page = client.get("/xac-thuc/dang-ky/").content.decode()

    key = bytes.fromhex(client.session[devices.PENDING_KEY])
    typed = " ".join(re.findall(".{1,4}", b32encode(key).decode()))
    assert "<svg" in page
    assert typed in page


def test_a_reload_of_the_enrolment_page_keeps_the_key_the_app_scanned(
    client, approver, clock
):
    scanned = client.get("/xac-thuc/dang-ky/").context["secret"]
    again = client.get("/xac-thuc/dang-ky/").context["secret"]

    response = give(client, code_for(scanned), "/xac-thuc/dang-ky/")

    assert again == scanned
    assert response["Location"] == "/xac-thuc/ma-du-phong/?next=/noi-bo/"
    assert client.get("/noi-bo/").status_code == 200


def test_a_key_shown_to_another_session_before_enrolment_never_signs_in(
    home_page, required, clock
):
    approver = UserFactory(role="approver")
    attacker, user = Client(), Client()
    attacker.force_login(approver)  # someone who knows the password only
    noted = attacker.get("/xac-thuc/dang-ky/").context["secret"]
    user.force_login(approver)
    scanned = user.get("/xac-thuc/dang-ky/").context["secret"]
    enrolment = give(user, code_for(scanned), "/xac-thuc/dang-ky/")
    assert enrolment["Location"] == "/xac-thuc/ma-du-phong/?next=/noi-bo/"

    with time_machine.travel(timedelta(seconds=30)):  # the app's next code
        again = Client()
        again.force_login(approver)
        refused = again.post("/xac-thuc/", {"code": code_for(noted), "next": "/admin/"})
        late = give(attacker, code_for(noted), "/xac-thuc/dang-ky/")

    assert WRONG in refused.content.decode()
    assert again.get("/admin/")["Location"].startswith("/xac-thuc/")
    assert late["Location"] == "/xac-thuc/?next=/noi-bo/"
    assert attacker.get("/admin/")["Location"].startswith("/xac-thuc/")
    assert scanned != noted
    assert TOTPDevice.objects.filter(user=approver).count() == 1


def test_recovery_codes_are_shown_once_after_enrolment(client, approver, clock):
    secret = client.get("/xac-thuc/dang-ky/").context["secret"]
    give(client, code_for(secret), "/xac-thuc/dang-ky/")

    shown = client.get("/xac-thuc/ma-du-phong/?next=/noi-bo/")
    later = client.get("/xac-thuc/ma-du-phong/").content.decode()

    codes = shown.context["codes"]
    assert len(codes) == 10
    assert all(re.fullmatch("[a-z2-7]{8}", value) for value in codes)
    assert all(value in shown.content.decode() for value in codes)
    assert not any(value in later for value in codes)
    assert "Bạn còn 10 mã dự phòng chưa dùng." in later


def test_a_copy_of_the_stored_recovery_codes_signs_nobody_in(client, approver, clock):
    enrolled(approver)
    shown = devices.new_recovery_codes(approver)

    stored = list(
        StaticToken.objects.filter(device__user=approver).values_list(
            "token", flat=True
        )
    )
    assert len(stored) == 10
    assert not set(stored) & set(shown)
    assert WRONG in give(client, stored[0]).content.decode()
    with time_machine.travel(timedelta(seconds=5)):  # past the throttle's delay
        assert give(client, shown[0])["Location"] == "/noi-bo/"


@pytest.mark.parametrize("steps", [-1, 1])
def test_a_code_of_the_previous_or_next_step_is_accepted(
    client, approver, clock, steps
):
    device = enrolled(approver)

    response = give(client, code(device, steps_from_now=steps))

    assert response["Location"] == "/noi-bo/"
    assert client.get("/noi-bo/").status_code == 200


@pytest.mark.parametrize("steps", [-2, 2])
def test_a_code_two_steps_away_is_refused(client, approver, clock, steps):
    device = enrolled(approver)

    response = give(client, code(device, steps_from_now=steps))

    assert WRONG in response.content.decode()
    assert client.get("/noi-bo/")["Location"].startswith("/xac-thuc/")


def test_a_code_is_accepted_once(client, approver, clock):
    device = enrolled(approver)
    used = code(device)
    assert give(client, used)["Location"] == "/noi-bo/"

    sign_in_again(client, approver)
    replayed = give(client, used)
    assert WRONG in replayed.content.decode()

    with time_machine.travel(timedelta(seconds=30)):
        assert give(client, code(device))["Location"] == "/noi-bo/"


def test_each_recovery_code_signs_in_once(client, approver):
    enrolled(approver)
    recovery = devices.new_recovery_codes(approver)

    first = client.post(
        "/xac-thuc/", {"code": recovery[0].upper(), "next": "/noi-bo/"}, follow=True
    )
    assert "còn lại 9 mã" in first.content.decode()

    sign_in_again(client, approver)
    assert WRONG in give(client, recovery[0]).content.decode()


def test_new_recovery_codes_replace_the_old_ones(client, approver):
    enrolled(approver)
    old = devices.new_recovery_codes(approver)
    give(client, old[0])

    page = client.post(
        "/xac-thuc/ma-du-phong/tao-lai/", {"next": "/noi-bo/"}, follow=True
    )

    new = page.context["codes"]
    assert len(new) == 10
    assert all(value in page.content.decode() for value in new)
    assert not set(old) & set(new)
    assert StaticToken.objects.filter(device__user=approver).count() == 10
    sign_in_again(client, approver)
    assert WRONG in give(client, old[1]).content.decode()
    with time_machine.travel(timedelta(seconds=5)):  # past the throttle's delay
        assert give(client, new[1])["Location"] == "/noi-bo/"


def test_a_password_alone_never_enrols_a_second_app(client, approver):
    enrolled(approver)

    response = client.get("/xac-thuc/dang-ky/?next=/admin/")

    assert response["Location"] == "/xac-thuc/?next=/admin/"
    assert TOTPDevice.objects.filter(user=approver).count() == 1
