"""Snapshots of an installation: its database and its files, with a manifest.

A snapshot is a folder::

    manifest.json         what is in it: checksums, sizes, versions, row counts
    database.dump         pg_dump's custom format (PostgreSQL), or
    database.sqlite3      SQLite's online backup
    files/<storage>/…     every file of each storage in BACKUP_STORAGES

The database is dumped first, in one snapshot (pg_dump reads in a single
repeatable-read transaction; SQLite's backup API copies a consistent state),
and the files are copied after it, so every file a row names is there: files
are only added while the portal runs, and one deleted meanwhile is at worst
copied needlessly. Restoring checks every checksum before it touches anything,
refuses an installation that already holds data unless forced, restores the
database and the files, compares the row counts with the manifest's, and
rebuilds the search index, which a snapshot never holds.
"""

import hashlib
import json
import os
import platform
import re
import shutil
import sqlite3
import subprocess
from contextlib import closing, contextmanager
from pathlib import Path, PurePosixPath

import django
import wagtail
from django.apps import apps
from django.conf import settings
from django.core.files import File
from django.core.files.storage import storages
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

MANIFEST = "manifest.json"
FORMAT = 1
CHUNK = 1 << 20


class BackupError(Exception):
    """Something an operator must fix; the message says what."""


# --- checksums and counts -------------------------------------------------


def sha256_of(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        while chunk := file.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def row_counts(labels=None):
    """Rows of every concrete model in the database (or of those named), by label."""
    models = (
        [apps.get_model(label) for label in labels]
        if labels is not None
        else [
            model
            for model in apps.get_models(include_auto_created=True)
            if model._meta.managed and not model._meta.proxy
        ]
    )
    return {model._meta.label: model._base_manager.count() for model in models}


def applied_migrations():
    return sorted(
        f"{app}.{name}"
        for app, name in MigrationRecorder(connection).applied_migrations()
    )


# --- PostgreSQL's tools ------------------------------------------------------


def pg_tool(name):
    """The PostgreSQL client program matching the server's major version, or a
    newer one: an older pg_dump refuses a newer server."""
    server = connection.pg_version // 10000
    candidates = [Path(f"/usr/lib/postgresql/{server}/bin/{name}")]
    found = shutil.which(name)
    if found:
        candidates.append(Path(found))
    for candidate in candidates:
        if candidate.exists():
            version = subprocess.run(
                [str(candidate), "--version"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout.strip()
            major = int(re.search(r"\(PostgreSQL\) (\d+)", version).group(1))
            if major >= server:
                return str(candidate), version
    raise BackupError(
        f"No {name} of PostgreSQL {server} or newer: install postgresql-client-{server}."
    )


def pg_arguments():
    """Connection options for the client programs, and their environment."""
    db = connection.settings_dict
    arguments = ["--dbname", db["NAME"]]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            arguments += [option, str(db[key])]
    environment = {"PGPASSWORD": db["PASSWORD"]} if db.get("PASSWORD") else {}
    return arguments, environment


def run(command, environment):
    completed = subprocess.run(
        command, capture_output=True, text=True, env={**os.environ, **environment}
    )
    if completed.returncode:
        raise BackupError(f"{Path(command[0]).name} failed: {completed.stderr.strip()}")


# --- the database ----------------------------------------------------------


def dump_database(folder):
    connection.ensure_connection()
    if connection.vendor == "postgresql":
        tool, version = pg_tool("pg_dump")
        arguments, environment = pg_arguments()
        target = folder / "database.dump"
        run([tool, "--format=custom", "--file", str(target), *arguments], environment)
        server = connection.cursor().connection.info.parameter_status("server_version")
        return {
            "vendor": "postgresql",
            "file": target.name,
            "server": server,
            "tool": version,
        }
    if connection.vendor == "sqlite":
        target = folder / "database.sqlite3"
        with closing(sqlite3.connect(target)) as copy:
            connection.connection.backup(copy)
        return {
            "vendor": "sqlite",
            "file": target.name,
            "server": sqlite3.sqlite_version,
        }
    raise BackupError(f"Backups of {connection.vendor} databases are not supported.")


def database_is_empty():
    return not connection.introspection.table_names()


def load_database(folder, database, force):
    connection.ensure_connection()
    if database["vendor"] != connection.vendor:
        raise BackupError(
            f"The snapshot holds a {database['vendor']} database; "
            f"this installation uses {connection.vendor}."
        )
    source = folder / database["file"]
    if connection.vendor == "postgresql":
        tool, _version = pg_tool("pg_restore")
        arguments, environment = pg_arguments()
        options = [
            "--no-owner",
            "--no-privileges",
            "--exit-on-error",
            "--single-transaction",
        ]
        if force:
            options += ["--clean", "--if-exists"]
        connection.close()  # the schema is about to change under it
        run([tool, *options, *arguments, str(source)], environment)
    else:
        with closing(sqlite3.connect(source)) as snapshot:
            snapshot.backup(connection.connection)
        connection.close()


# --- files -----------------------------------------------------------------


def walk(storage, folder=""):
    """Every file name in a storage, with forward slashes."""
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in sorted(files):
        yield str(PurePosixPath(folder, name))
    for name in sorted(folders):
        yield from walk(storage, str(PurePosixPath(folder, name)))


def copy_files(folder):
    """Copy every storage's files; ``{relative path: {sha256, size}}``."""
    copied = {}
    for alias in settings.BACKUP_STORAGES:
        storage = storages[alias]
        for name in walk(storage):
            relative = PurePosixPath("files", alias, name)
            target = folder / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            digest, size = hashlib.sha256(), 0
            with storage.open(name, "rb") as source, open(target, "wb") as copy:
                while chunk := source.read(CHUNK):
                    digest.update(chunk)
                    size += len(chunk)
                    copy.write(chunk)
            copied[str(relative)] = {"sha256": digest.hexdigest(), "size": size}
    return copied


def storages_are_empty():
    return not any(
        next(walk(storages[alias]), None) for alias in settings.BACKUP_STORAGES
    )


def load_files(folder, files):
    for relative in files:
        _files, alias, name = relative.split("/", 2)
        storage = storages[alias]
        if storage.exists(name):
            storage.delete(name)  # only when forced: checked before
        with open(folder / relative, "rb") as source:
            saved = storage.save(name, File(source, name=name))
        if saved != name:
            raise BackupError(f"{alias}: {name} was stored as {saved}.")


# --- the two commands' work ------------------------------------------------


def versions():
    return {
        "python": platform.python_version(),
        "django": django.get_version(),
        "wagtail": wagtail.__version__,
    }


@contextmanager
def owner_only():
    """Whatever is created meanwhile, by this process or pg_dump, is readable by
    its owner only (folders 0700, files 0600): a snapshot holds password hashes,
    second-factor seeds, tokens, sessions, restricted documents and keys."""
    previous = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(previous)


def backup(folder):
    """Write a snapshot into ``folder`` (new or empty); returns the manifest."""
    folder = Path(folder)
    if folder.exists() and any(folder.iterdir()):
        raise BackupError(f"{folder} is not empty: a snapshot goes into a new folder.")
    with owner_only():
        folder.mkdir(parents=True, exist_ok=True)
        folder.chmod(0o700)  # an empty folder made beforehand keeps its own mode
        return write_snapshot(folder)


def write_snapshot(folder):
    started = timezone.now()
    database = dump_database(folder)
    manifest = {
        "format": FORMAT,
        "created_at": started.isoformat(),
        "database": database,
        "versions": versions(),
        "migrations": applied_migrations(),
        "counts": row_counts(),
    }
    manifest["files"] = {
        database["file"]: {
            "sha256": sha256_of(folder / database["file"]),
            "size": (folder / database["file"]).stat().st_size,
        },
        **copy_files(folder),
    }
    (folder / MANIFEST).write_text(
        json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True)
    )
    return manifest


def read_manifest(folder):
    try:
        manifest = json.loads((folder / MANIFEST).read_text())
    except FileNotFoundError:
        raise BackupError(f"{folder} holds no {MANIFEST}: not a snapshot.") from None
    if manifest.get("format") != FORMAT:
        raise BackupError(f"Unknown snapshot format {manifest.get('format')!r}.")
    return manifest


def verify(folder, manifest):
    """Every file the manifest lists is there, with its checksum."""
    damaged = [
        relative
        for relative, expected in manifest["files"].items()
        if not (folder / relative).is_file()
        or sha256_of(folder / relative) != expected["sha256"]
    ]
    if damaged:
        shown = ", ".join(damaged[:5]) + ("…" if len(damaged) > 5 else "")
        raise BackupError(f"{len(damaged)} file(s) missing or damaged: {shown}")


def restore(folder, force=False):
    """Restore a snapshot; returns the manifest. The caller rebuilds the index."""
    folder = Path(folder)
    manifest = read_manifest(folder)
    verify(folder, manifest)
    unknown = set(manifest["migrations"]) - known_migrations()
    if unknown:
        raise BackupError(
            "The snapshot was made by a newer version of the portal "
            f"(migrations unknown here: {', '.join(sorted(unknown)[:5])})."
        )
    if not force:
        if not database_is_empty():
            raise BackupError("The database is not empty (use --force to replace it).")
        if not storages_are_empty():
            raise BackupError("The file storages are not empty (use --force).")
    load_database(folder, manifest["database"], force)
    counts = row_counts(manifest["counts"])
    differing = {
        label: (count, counts.get(label))
        for label, count in manifest["counts"].items()
        if counts.get(label) != count
    }
    if differing:
        raise BackupError(f"Row counts differ from the snapshot's: {differing}")
    load_files(
        folder,
        [relative for relative in manifest["files"] if relative.startswith("files/")],
    )
    return manifest


def known_migrations():
    return {f"{app}.{name}" for app, name in MigrationLoader(None).disk_migrations}
