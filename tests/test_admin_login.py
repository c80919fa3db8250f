import pytest

from portal.access.factories import PASSWORD, UserFactory


@pytest.mark.parametrize("role", ["editor", "approver", "clerk", "admin"])
def test_admin_roles_sign_in_to_the_wagtail_admin(client, home_page, role):
    user = UserFactory(role=role)

    response = client.post(
        "/admin/login/", {"username": user.username, "password": PASSWORD}, follow=True
    )

    assert response.status_code == 200
    assert response.request["PATH_INFO"] == "/admin/"
    assert response.context["user"] == user


def test_staff_without_an_admin_role_are_kept_out_of_the_admin(client, home_page):
    user = UserFactory(role="staff")
    client.force_login(user)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_staff_sign_in_on_the_portal_login_page(client, home_page):
    user = UserFactory(role="staff")

    page = client.get("/login/")
    response = client.post("/login/", {"username": user.username, "password": PASSWORD})

    assert "Đăng nhập dành cho cán bộ" in page.content.decode()
    assert response.status_code == 302
    assert client.get("/").context["user"] == user


def test_a_wrong_password_re_displays_the_form_with_a_vietnamese_error(
    client, home_page
):
    user = UserFactory(role="staff")

    response = client.post("/login/", {"username": user.username, "password": "sai"})

    html = response.content.decode()
    assert response.status_code == 200
    assert f'value="{user.username}"' in html
    assert "Sai tên đăng nhập hoặc mật khẩu." in html
