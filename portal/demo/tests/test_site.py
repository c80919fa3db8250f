"""The demo answers at the address it serves, and calls nothing outside."""

from wagtail.models import Site

from portal.access.factories import UserFactory
from portal.demo.site import load_home_page


def test_the_demo_site_takes_the_address_it_is_served_at(client, db):
    load_home_page(base_url="http://127.0.0.1:8765")

    site = Site.objects.get(is_default_site=True)
    sitemap = client.get("/sitemap-trang.xml").content.decode()

    assert (site.hostname, site.port) == ("127.0.0.1", 8765)
    assert "<loc>http://127.0.0.1:8765/</loc>" in sitemap
    assert "localhost" not in sitemap


def test_the_demo_site_keeps_its_address_when_none_is_given(db):
    load_home_page(base_url="https://congthongtin.example.vn")
    load_home_page()

    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("congthongtin.example.vn", 443)


def test_the_admin_asks_no_outside_service_for_avatars(client, db):
    load_home_page()
    client.force_login(UserFactory(role="editor", email="bientap@example.vn"))

    html = client.get("/admin/").content.decode()

    assert "gravatar" not in html
    assert "wagtailadmin/images/default-user-avatar" in html
