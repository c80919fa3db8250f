"""The admin has a Content Security Policy of its own, and Wagtail's document
library, which would serve files outside the access model, is closed."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model
from wagtail.rich_text import features

from portal.access.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(client):
    user = UserFactory(is_superuser=True)
    client.force_login(user)
    return user


def directives(response):
    return {
        name: values
        for name, *values in (
            part.split() for part in response["Content-Security-Policy"].split(";")
        )
    }


def test_the_admin_sends_a_content_security_policy(client, superuser):
    response = client.get("/admin/")

    policy = directives(response)
    assert response.status_code == 200
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert policy["base-uri"] == ["'self'"]


def test_public_pages_keep_the_strict_policy(client, home_page):
    policy = directives(client.get("/"))

    assert policy["script-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]


def test_wagtails_document_library_is_closed_even_to_superusers(client, superuser):
    document = get_document_model().objects.create(
        title="Tài liệu", file=ContentFile(b"%PDF-1.4", name="tai-lieu.pdf")
    )

    assert client.get("/admin/documents/").status_code == 302  # permission denied
    assert "Tài liệu" not in client.get("/admin/documents/chooser/").json()["html"]
    assert "/admin/documents/" not in client.get("/admin/").content.decode()
    assert client.get(document.url).status_code == 404
    assert "document-link" not in features.get_default_features()
