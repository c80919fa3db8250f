import re
import time
from base64 import b32decode

import pytest
import time_machine
from axe_playwright_python.sync_playwright import Axe
from django_otp.oath import totp

from portal.access.factories import UserFactory
from tests.browser import log_in, screenshot


def serious_violations(page):
    return [
        f"{violation['id']}: {violation['help']}"
        for violation in Axe().run(page).response["violations"]
        if violation["impact"] in ("serious", "critical")
    ]


def code_from(secret):
    """What an authenticator app shows for the key typed from the page."""
    return f"{totp(b32decode(secret.replace(' ', ''))):06d}"


@pytest.mark.browser
def test_an_approver_enrols_at_first_sign_in_then_signs_in_with_a_code(
    browser_page, home_page, settings
):
    settings.TWOFACTOR_REQUIRED = True
    approver = UserFactory(role="approver")
    page = browser_page

    log_in(page, approver)
    assert "/xac-thuc/dang-ky/" in page.url
    assert page.locator(".twofactor-qr svg").is_visible()
    secret = page.locator("#twofactor-secret").inner_text()
    screenshot(page, "twofactor-enrolment")
    assert serious_violations(page) == []
    page.get_by_label(re.compile("Mã xác thực")).fill(code_from(secret))
    page.get_by_role("button", name="Xác nhận").click()

    assert page.get_by_role("heading", name="Mã dự phòng").is_visible()
    assert page.locator(".twofactor-codes li").count() == 10
    page.get_by_role("link", name="Tiếp tục").click()
    assert page.url.endswith("/noi-bo/")

    page.get_by_role("button", name="Đăng xuất").click()
    page.wait_for_load_state()
    # The code just used is spent; the app shows the next one half a minute
    # later (the live server runs in this process, so it travels too).
    with time_machine.travel(time.time() + 30):
        log_in(page, approver)
        assert "/xac-thuc/" in page.url
        assert serious_violations(page) == []
        page.get_by_label(re.compile("Mã xác thực")).fill(code_from(secret))
        page.get_by_role("button", name="Xác thực").click()
        page.wait_for_load_state()
        assert page.url.endswith("/noi-bo/")

        page.goto("/admin/")
        assert page.url.endswith("/admin/")
