"""Enrolment, codes in time and recovery codes. Time is travelled so that the
app's code of each 30-second step is known; django-otp accepts one step of
drift either way (its default tolerance) and each step's code only once."""

from base64 import b32encode
from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.access.factories import UserFactory
from portal.twofactor import devices
from portal.twofactor.tests.conftest import code, enrolled

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


def test_enrolment_counts_the_app_only_once_a_code_from_it_confirms_it(
    client, approver, clock
):
    client.get("/xac-thuc/dang-ky/")
    device = TOTPDevice.objects.get(user=approver)

    wrong = give(client, other_than(code(device)), "/xac-thuc/dang-ky/")
    device.refresh_from_db()
    assert device.confirmed is False
    assert WRONG in wrong.content.decode()
    assert client.get("/noi-bo/")["Location"].startswith("/xac-thuc/")

    with time_machine.travel(timedelta(seconds=5)):  # past the throttle's delay
        right = give(client, code(device), "/xac-thuc/dang-ky/")
    device.refresh_from_db()
    assert device.confirmed is True
    assert right["Location"] == "/xac-thuc/ma-du-phong/?next=/noi-bo/"
    assert client.get("/noi-bo/").status_code == 200


def test_the_enrolment_page_shows_the_key_as_a_qr_code_and_typed_by_hand(
    client, approver
):
    first = client.get("/xac-thuc/dang-ky/").content.decode()
    again = client.get("/xac-thuc/dang-ky/").content.decode()

    device = TOTPDevice.objects.get(user=approver)
    key = b32encode(device.bin_key).decode()
    typed = " ".join(key[i : i + 4] for i in range(0, len(key), 4))
    assert "<svg" in first
    assert typed in first
    assert typed in again


def test_recovery_codes_are_shown_once_after_enrolment(client, approver, clock):
    client.get("/xac-thuc/dang-ky/")
    give(client, code(TOTPDevice.objects.get(user=approver)), "/xac-thuc/dang-ky/")

    shown = client.get("/xac-thuc/ma-du-phong/?next=/noi-bo/").content.decode()
    later = client.get("/xac-thuc/ma-du-phong/").content.decode()

    stored = list(StaticToken.objects.filter(device__user=approver))
    assert len(stored) == 10
    assert all(token.token in shown for token in stored)
    assert not any(token.token in later for token in stored)
    assert "Bạn còn 10 mã dự phòng chưa dùng." in later


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
    ).content.decode()

    new = list(
        StaticToken.objects.filter(device__user=approver).values_list(
            "token", flat=True
        )
    )
    assert len(new) == 10
    assert all(token in page for token in new)
    assert not set(old) & set(new)
    sign_in_again(client, approver)
    assert WRONG in give(client, old[1]).content.decode()


def test_a_password_alone_never_enrols_a_second_app(client, approver):
    enrolled(approver)

    response = client.get("/xac-thuc/dang-ky/?next=/admin/")

    assert response["Location"] == "/xac-thuc/?next=/admin/"
    assert TOTPDevice.objects.filter(user=approver).count() == 1
