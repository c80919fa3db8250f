import re

from django.core import mail

from portal.access.factories import PASSWORD, UserFactory


def sign_in(client, username, password):
    return client.post("/login/", {"username": username, "password": password})


def test_five_wrong_passwords_lock_the_account_out_even_with_the_right_one(
    client, home_page
):
    user = UserFactory(role="staff")
    for _ in range(5):
        sign_in(client, user.username, "sai-mat-khau")

    response = sign_in(client, user.username, PASSWORD)

    assert response.status_code == 429
    assert "tạm thời bị khóa" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_successful_sign_in_resets_the_failure_count(client, home_page):
    user = UserFactory(role="staff")
    for _ in range(4):
        sign_in(client, user.username, "sai-mat-khau")
    assert sign_in(client, user.username, PASSWORD).status_code == 302
    client.logout()

    for _ in range(4):
        sign_in(client, user.username, "sai-mat-khau")
    assert sign_in(client, user.username, PASSWORD).status_code == 302


def test_a_forgotten_password_is_reset_through_a_link_sent_by_email(client, home_page):
    user = UserFactory(role="staff", email="canbo@vanphong.vn")

    client.post("/password_reset/", {"email": "canbo@vanphong.vn"})
    link = re.search(r"https?://[^/]+(/reset/\S+)", mail.outbox[0].body).group(1)
    form = client.get(link, follow=True)
    done = client.post(
        form.request["PATH_INFO"],
        {"new_password1": "Mat-khau-moi-2026!", "new_password2": "Mat-khau-moi-2026!"},
        follow=True,
    )

    assert "Đặt lại mật khẩu" in mail.outbox[0].subject
    assert "Đã đổi mật khẩu" in done.content.decode()
    user.refresh_from_db()
    assert user.check_password("Mat-khau-moi-2026!")


def test_weak_passwords_are_refused_in_vietnamese(client, home_page):
    user = UserFactory(role="staff")
    client.force_login(user)

    response = client.post(
        "/password_change/",
        {
            "old_password": PASSWORD,
            "new_password1": "123456",
            "new_password2": "123456",
        },
    )

    assert response.status_code == 200
    assert "Mật khẩu này quá phổ biến" in response.content.decode()


def test_public_pages_send_the_security_headers(client, home_page):
    response = client.get("/")

    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_session_and_csrf_cookies_are_http_only_and_same_site(settings):
    assert settings.SESSION_COOKIE_HTTPONLY
    assert settings.SESSION_COOKIE_SAMESITE == "Lax"
    assert settings.CSRF_COOKIE_SAMESITE == "Lax"
