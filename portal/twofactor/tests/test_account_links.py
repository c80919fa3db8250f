"""Where a staff member who signed in with a second factor finds their recovery
codes: the site's account menu and the admin's account page."""

import pytest

from portal.access.factories import UserFactory
from portal.twofactor.tests.conftest import code, enrolled

LINK = '<a href="/xac-thuc/ma-du-phong/?next=/noi-bo/">Mã dự phòng</a>'
ADMIN_LINK = 'href="/xac-thuc/ma-du-phong/?next=%2Fadmin%2Faccount%2F"'


@pytest.fixture
def verified_approver(client, home_page, required):
    user = UserFactory(role="approver")
    client.force_login(user)
    client.post("/xac-thuc/", {"code": code(enrolled(user))})
    return user


def test_the_site_account_menu_links_to_the_recovery_codes(client, verified_approver):
    page = client.get("/noi-bo/").content.decode()

    assert LINK in page
    assert client.get("/xac-thuc/ma-du-phong/?next=/noi-bo/").status_code == 200


def test_the_admin_account_page_links_to_the_recovery_codes(client, verified_approver):
    page = client.get("/admin/account/").content.decode()

    assert ADMIN_LINK in page
    assert "Mã để đăng nhập khi không có điện thoại" in page


def test_no_link_to_recovery_codes_without_a_second_factor(client, home_page):
    client.force_login(UserFactory(role="approver"))  # the requirement is off

    assert "/xac-thuc/ma-du-phong/" not in client.get("/noi-bo/").content.decode()
    assert (
        "/xac-thuc/ma-du-phong/" not in client.get("/admin/account/").content.decode()
    )
