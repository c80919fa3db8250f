import pytest
from django.urls import path


def broken_view(request):
    raise RuntimeError("a bug")


urlpatterns = [path("loi/", broken_view)]


@pytest.mark.django_db
def test_a_missing_page_answers_404_in_vietnamese_with_a_way_on(client, home_page):
    response = client.get("/khong-co-trang-nay/")

    page = response.content.decode()
    assert response.status_code == 404
    assert "Không tìm thấy trang" in page
    assert 'action="/search/"' in page
    assert "Về trang chủ" in page


@pytest.mark.urls("tests.test_error_pages")
def test_a_server_error_shows_a_calm_vietnamese_page(client):
    client.raise_request_exception = False

    response = client.get("/loi/")

    page = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="vi">' in page
    assert "Đã có lỗi xảy ra" in page
    assert "RuntimeError" not in page
