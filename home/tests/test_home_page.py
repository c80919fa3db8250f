from django.conf import settings


def test_home_page_is_served_in_vietnamese(client, home_page):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")

    assert response.status_code == 200
    assert response["Content-Language"] == "vi"
    html = response.content.decode()
    assert '<html lang="vi">' in html
    assert "Cổng thông tin Văn phòng cấp ủy" in html
    assert "Đăng nhập" in html
    assert "Tìm kiếm" in html


def test_a_visitor_who_chooses_english_gets_the_interface_in_english(client, home_page):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"

    html = client.get("/").content.decode()

    assert '<html lang="en">' in html
    assert "Sign in" in html


def test_choosing_a_language_is_remembered(client, home_page):
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"})

    assert response.status_code == 302
    assert "Sign in" in client.get("/").content.decode()


def test_an_unknown_address_answers_a_vietnamese_404(client, home_page):
    response = client.get("/khong-co-trang-nay/")

    assert response.status_code == 404
    assert "Không tìm thấy trang" in response.content.decode()
