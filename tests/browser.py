"""Browser tests: Debian's Chromium driven by Playwright against a live server.

Playwright never downloads a browser here; it launches /usr/bin/chromium (the
test command installs it). Use the `browser_page` fixture, `log_in()` and
`screenshot()`; screenshots land in SCREENSHOTS, named at the end of the run.
"""

import os
import re
from pathlib import Path

import pytest

from portal.access.factories import PASSWORD

CHROMIUM = os.environ.get("PORTAL_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).resolve().parents[1] / "test-results" / "screenshots"


@pytest.fixture
def chromium(_django_db_helper, monkeypatch):
    """A browser for one test, started after its database is set up and
    stopped before the database is put back."""
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the database
    # calls the test makes meanwhile are ordinary synchronous ones.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def browser_page(live_server, django_db_serialized_rollback, chromium):
    """A fresh browser tab on the live server, in Vietnamese.

    Serialized rollback puts back what migrations created (the page tree's
    root, the roles' groups, the workflow) after the live server's flush.
    """
    context = chromium.new_context(
        base_url=live_server.url,
        locale="vi-VN",
        viewport={"width": 1280, "height": 900},
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


def log_in(page, user, password=PASSWORD):
    page.goto("/login/")
    page.get_by_label(re.compile("Tên đăng nhập")).fill(user.username)
    page.get_by_label(re.compile("Mật khẩu")).fill(password)
    page.get_by_role("button", name=re.compile("Đăng nhập")).click()
    page.wait_for_load_state()


def screenshot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=path, full_page=True)
    return path


def pytest_terminal_summary(terminalreporter):
    if SCREENSHOTS.is_dir() and any(SCREENSHOTS.iterdir()):
        terminalreporter.write_line(f"Browser screenshots: {SCREENSHOTS}")
