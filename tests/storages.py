"""Storages pointed at folders during a test, as production keeps them."""

from django.apps import apps
from django.core.files.storage import FileSystemStorage, default_storage, storages
from django.db.models import FileField


def keep_files_in(monkeypatch, root):
    """Media and private files in folders under ``root``, as in production.

    The storages are replaced where Django keeps them rather than through the
    STORAGES setting: a changed setting makes Django build new storages once it
    is restored, and the tests' in-memory storage would come back empty of what
    the other tests' file fields wrote. File fields resolve their storage once,
    when the models load; those that name it through a callable are pointed at
    the new folders too.
    """
    folders = {
        "default": FileSystemStorage(location=root / "media"),
        "private": FileSystemStorage(location=root / "private", base_url=None),
    }
    for alias, storage in folders.items():
        storages[alias]  # noqa: B018 -- built, so that the original is given back
        monkeypatch.setitem(storages._storages, alias, storage)
    monkeypatch.setattr(default_storage, "_wrapped", folders["default"])
    for model in apps.get_models():
        for field in model._meta.fields:
            if isinstance(field, FileField) and hasattr(field, "_storage_callable"):
                monkeypatch.setattr(field, "storage", field._storage_callable())
