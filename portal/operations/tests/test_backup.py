"""Backups: a snapshot restored into a fresh installation is the same portal."""

import hashlib
import json
import os
import stat
import uuid
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.db import connection
from wagtail.search.backends import get_search_backend

from portal.operations.backup import row_counts
from tests.storages import keep_files_in

SEARCHES = ["nghị quyết", "chuyen doi so", "báo cáo", "thành ủy", "văn phòng"]


def checksums(root):
    """sha256 of every file under root, by its path relative to root."""
    found = {}
    for folder, _dirs, files in os.walk(root):
        for name in files:
            path = Path(folder, name)
            found[str(path.relative_to(root))] = hashlib.sha256(
                path.read_bytes()
            ).hexdigest()
    return found


def search_results(client):
    get_search_backend().refresh_indexes()
    results = {}
    for query in SEARCHES:
        data = client.get("/search/", {"q": query, "format": "json"}).json()
        results[query] = (data["count"], [hit["url"] for hit in data["results"]])
    return results


def portal_state(client, root):
    # counted first: signing in records an access (django-axes)
    counts = row_counts()
    admin = get_user_model().objects.get(username="quantri")
    anonymous = search_results(client)
    client.force_login(admin)
    everything = search_results(client)
    client.logout()
    return {
        "counts": counts,
        "files": checksums(root),
        "anonymous searches": anonymous,
        "administrator's searches": everything,
    }


@pytest.fixture
def fresh_database():
    """A second, empty database on the same server, dropped afterwards."""
    assert connection.vendor == "postgresql", "the drill runs on PostgreSQL"
    original = connection.settings_dict["NAME"]
    name = f"{original}_restored_{uuid.uuid4().hex[:8]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield name
    connection.close()
    connection.settings_dict["NAME"] = original
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def use_database(name):
    connection.close()
    connection.settings_dict["NAME"] = name


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_backup_restored_into_a_fresh_database_and_folders_is_identical(
    client, monkeypatch, tmp_path, fresh_database
):
    assert django_settings.ELASTICSEARCH_URL, "the drill runs on the real engine"
    keep_files_in(monkeypatch, tmp_path / "before")
    call_command("load_demo", stdout=open(os.devnull, "w"))

    call_command("backup", str(tmp_path / "snapshot"), stdout=open(os.devnull, "w"))

    before = portal_state(client, tmp_path / "before")
    assert before["files"], "the demo stores files"
    assert all(count for count, _urls in before["anonymous searches"].values())
    manifest = json.loads((tmp_path / "snapshot" / "manifest.json").read_text())
    assert manifest["database"]["vendor"] == "postgresql"
    assert manifest["database"]["tool"].startswith("pg_dump (PostgreSQL) ")
    assert manifest["versions"]["django"]
    assert len(manifest["files"]) == len(before["files"]) + 1  # and the dump
    use_database(fresh_database)
    keep_files_in(monkeypatch, tmp_path / "after")

    call_command("restore", str(tmp_path / "snapshot"), stdout=open(os.devnull, "w"))

    after = portal_state(client, tmp_path / "after")
    assert after["counts"] == before["counts"]
    assert after["files"] == before["files"]
    assert after["anonymous searches"] == before["anonymous searches"]
    assert after["administrator's searches"] == before["administrator's searches"]


@pytest.mark.django_db
def test_backup_refuses_a_folder_that_is_not_empty(tmp_path):
    (tmp_path / "something.txt").write_text("already here")

    with pytest.raises(CommandError, match="not empty"):
        call_command("backup", str(tmp_path))


@pytest.mark.django_db
def test_restore_checks_every_checksum_and_refuses_a_non_empty_installation(
    monkeypatch, tmp_path
):
    keep_files_in(monkeypatch, tmp_path / "files")
    media = tmp_path / "files" / "media"
    media.mkdir(parents=True)
    (media / "notice.txt").write_text("Thông báo số 12")
    get_user_model().objects.create_user("kiemtra", password="x" * 12)
    call_command("backup", str(tmp_path / "snapshot"), stdout=open(os.devnull, "w"))
    users = get_user_model().objects.count()

    with pytest.raises(CommandError, match="database is not empty"):
        call_command("restore", str(tmp_path / "snapshot"))

    copied = tmp_path / "snapshot" / "files" / "default" / "notice.txt"
    copied.write_text("Thông báo số 13")
    with pytest.raises(CommandError, match="missing or damaged: files/default/notice"):
        call_command("restore", str(tmp_path / "snapshot"), force=True)
    assert get_user_model().objects.count() == users  # nothing was touched
    assert (media / "notice.txt").read_text() == "Thông báo số 12"


@pytest.mark.django_db
def test_a_snapshot_is_readable_by_its_owner_only(monkeypatch, tmp_path):
    keep_files_in(monkeypatch, tmp_path / "files")
    keys = tmp_path / "files" / "private" / "keys"
    keys.mkdir(parents=True)
    (keys / "office.p12").write_bytes(b"not really a key")
    snapshot = tmp_path / "snapshot"
    snapshot.mkdir(mode=0o755)  # made beforehand, open to everyone
    previous = os.umask(0o022)  # the usual default: files readable by all
    try:
        call_command("backup", str(snapshot), stdout=open(os.devnull, "w"))
        assert os.umask(0o022) == 0o022  # given back afterwards
    finally:
        os.umask(previous)

    modes = {
        str(path.relative_to(snapshot)): stat.S_IMODE(path.stat().st_mode)
        for path in [snapshot, *snapshot.rglob("*")]
    }
    assert {
        name: mode for name, mode in modes.items() if mode not in (0o700, 0o600)
    } == {}
    assert modes["."] == modes["files/private/keys"] == 0o700
    assert modes["database.dump"] == modes["manifest.json"] == 0o600
    assert modes["files/private/keys/office.p12"] == 0o600


def test_restore_refuses_a_folder_without_a_manifest(tmp_path):
    with pytest.raises(CommandError, match="not a snapshot"):
        call_command("restore", str(tmp_path))


def test_the_embedded_sqlite_database_round_trips_through_its_online_backup(
    tmp_path, monkeypatch, django_db_blocker
):
    from django.db.utils import ConnectionHandler

    from portal.operations import backup

    def sqlite_at(path):
        database = ConnectionHandler(
            {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(path)}}
        )["default"]
        monkeypatch.setattr(backup, "connection", database)
        return database

    # files of their own, outside the test database
    with django_db_blocker.unblock():
        source = sqlite_at(tmp_path / "portal.sqlite3")
        with source.cursor() as cursor:
            cursor.execute("CREATE TABLE register (number INTEGER, title TEXT)")
            cursor.executemany(
                "INSERT INTO register VALUES (%s, %s)",
                [(1, "Công văn số 1"), (2, "Thông báo kết luận")],
            )
        (tmp_path / "snapshot").mkdir()
        dumped = backup.dump_database(tmp_path / "snapshot")
        source.close()

        target = sqlite_at(tmp_path / "restored.sqlite3")
        assert backup.database_is_empty()
        backup.load_database(tmp_path / "snapshot", dumped, force=False)

        assert dumped["vendor"] == "sqlite"
        with target.cursor() as cursor:
            cursor.execute("SELECT number, title FROM register ORDER BY number")
            rows = cursor.fetchall()
        target.close()
    assert rows == [(1, "Công văn số 1"), (2, "Thông báo kết luận")]
