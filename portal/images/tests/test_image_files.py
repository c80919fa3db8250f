"""Image uploads are judged by their content; a deleted image takes its files along."""

import json

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from portal.access.factories import UserFactory
from portal.images.factories import ImageFactory
from portal.images.models import PortalImage, PortalRendition
from portal.settings import base
from tests import files

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "name, content",
    [("anh.svg", files.SVG_WITH_SCRIPT), ("anh.png", files.HTML_WITH_SCRIPT)],
)
def test_an_image_holding_script_is_refused(client, name, content):
    client.force_login(UserFactory(role="editor"))

    with translation.override("vi"):
        response = client.post(
            "/admin/images/add/",
            {"title": "Ảnh hội nghị", "file": SimpleUploadedFile(name, content)},
        )

    assert response.status_code == 200
    assert not PortalImage.objects.exists()


def test_an_image_is_uploaded_from_the_admin(client):
    client.force_login(UserFactory(role="editor"))

    response = client.post(
        "/admin/images/add/",
        {
            "title": "Ảnh hội nghị",
            "file": SimpleUploadedFile("a.png", files.image("PNG")),
        },
    )

    assert response.status_code == 302
    assert PortalImage.objects.get().title == "Ảnh hội nghị"


def test_the_private_storage_can_be_named_in_a_task(tmp_path):
    # Deleting a file is a task, whose arguments are JSON.
    storage = FileSystemStorage(**base.PRIVATE_STORAGE["OPTIONS"])

    assert json.loads(json.dumps(storage.deconstruct()))


def test_deleting_an_image_deletes_its_file_and_its_renditions_files(
    tmp_path, monkeypatch, django_capture_on_commit_callbacks
):
    storage = FileSystemStorage(
        **{**base.PRIVATE_STORAGE["OPTIONS"], "location": str(tmp_path)}
    )
    monkeypatch.setattr(PortalImage._meta.get_field("file"), "storage", storage)
    monkeypatch.setattr(PortalRendition._meta.get_field("file"), "storage", storage)
    image = ImageFactory()
    rendition = image.get_rendition("width-10")
    paths = [tmp_path / image.file.name, tmp_path / rendition.file.name]
    assert all(path.is_file() for path in paths)

    with django_capture_on_commit_callbacks(execute=True):
        image.delete()

    assert not any(path.exists() for path in paths)
