import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.core.signals import setting_changed
from django.dispatch import receiver
from wagtail.search.backends import get_search_backend

from portal.demo.site import load_home_page

pytest_plugins = ["tests.browser"]


@pytest.fixture(autouse=True)
def empty_caches():
    """Each test starts with no cached pages, as a fresh deployment would."""
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def home_page(db):
    return load_home_page()


@pytest.fixture
def search_backend(db):
    """The real search engine, rebuilt from the test database.

    Engine tests never skip: the test command always starts a node, and running
    them without one is a mistake that should fail loudly.
    """
    if not settings.ELASTICSEARCH_URL:
        pytest.fail(
            "ELASTICSEARCH_URL is not set: run the suite with `make test`, "
            "which starts an Elasticsearch node."
        )
    call_command("update_index", verbosity=0)
    backend = get_search_backend()
    backend.refresh_indexes()
    return backend


@pytest.fixture
def archive_page(home_page):
    from portal.documents.models import ArchivePage

    return home_page.add_child(
        instance=ArchivePage(title="Kho văn bản", slug="van-ban")
    )


@receiver(setting_changed)
def refuse_changed_storages(setting, **kwargs):
    """Changing STORAGES in a test makes Django build new storages when it is
    restored, so the file fields of later tests write where pages no longer
    read; tests keep files in folders with ``tests.storages.keep_files_in``."""
    if setting == "STORAGES":
        raise AssertionError(
            "Use tests.storages.keep_files_in, not the STORAGES setting"
        )
