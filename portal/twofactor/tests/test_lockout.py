"""Wrong codes are failed sign-ins of that username from that address, and lock
it out as five wrong passwords would (AXES_FAILURE_LIMIT)."""

from datetime import timedelta

import time_machine
from axes.models import AccessAttempt

from portal.access.factories import PASSWORD, UserFactory
from portal.twofactor.tests.conftest import code, enrolled

GUESSER = {"REMOTE_ADDR": "203.0.113.66"}


def guess(client, value="000000", **where):
    return client.post("/xac-thuc/", {"code": value}, **{**GUESSER, **where})


def sign_in(client, user, **where):
    return client.post(
        "/login/",
        {"username": user.username, "password": PASSWORD},
        **{**GUESSER, **where},
    )


def test_five_wrong_codes_lock_the_account_out_from_that_address(
    client, home_page, required
):
    clerk = UserFactory(role="clerk")
    device = enrolled(clerk)
    sign_in(client, clerk)

    with time_machine.travel(timedelta(0)) as clock:
        for _ in range(4):
            assert guess(client).status_code == 200
            clock.shift(timedelta(seconds=20))  # past django-otp's own throttle
        locked = guess(client)

    assert locked.status_code == 429
    assert "nhập sai mật khẩu hoặc mã xác thực quá nhiều lần" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    assert sign_in(client, clerk).status_code == 429
    # signed out: the right code no longer helps; the owner elsewhere signs in
    assert guess(client, code(device))["Location"].startswith("/login/")
    assert sign_in(client, clerk, REMOTE_ADDR="198.51.100.7").status_code == 302


def test_a_right_code_clears_the_wrong_ones(client, home_page, required):
    editor = UserFactory(role="editor")
    device = enrolled(editor)
    sign_in(client, editor)
    guess(client)
    assert AccessAttempt.objects.get(username=editor.username).failures_since_start == 1

    with time_machine.travel(timedelta(seconds=5)):
        assert guess(client, code(device))["Location"] == "/noi-bo/"

    assert not AccessAttempt.objects.filter(username=editor.username).exists()
