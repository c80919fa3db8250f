"""A change of who may see an item takes effect in search at once, whatever the
state of the background worker or of the engine's writes."""

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from elastic_transport import ConnectionError as EngineConnectionError
from guardian.shortcuts import assign_perm
from wagtail.models import PageViewRestriction

from portal.access.factories import UserFactory
from portal.documents.factories import DocumentFactory
from portal.documents.models import Document
from portal.news.factories import make_article, make_section
from search.models import PendingIndexUpdate

IDLE_WORKER = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
SHARING_URL = "/admin/snippets/documents/document/sharing/{}/"


@pytest.fixture
def idle_worker(settings):
    """Tasks are queued, as in production, and no worker runs them."""
    settings.TASKS = IDLE_WORKER


class EngineWrites:
    """Makes the engine answer queries but take no writes, and back."""

    def __init__(self, backend, monkeypatch):
        self.index_class = type(backend.get_index_for_model(Document))
        self.monkeypatch = monkeypatch

    def refuse(self):
        def refused(*args, **kwargs):
            raise EngineConnectionError("writes refused")

        for name in ("add_item", "add_items", "delete_item"):
            self.monkeypatch.setattr(self.index_class, name, refused)

    def allow(self):
        self.monkeypatch.undo()


@pytest.fixture
def engine_writes(search_backend, monkeypatch):
    return EngineWrites(search_backend, monkeypatch)


def search_as(client, user, query, backend):
    backend.refresh_indexes()
    client.logout()
    if user is not None:
        client.force_login(user)
    data = client.get("/search/", {"q": query, "format": "json"}).json()
    html = client.get("/search/", {"q": query}).content.decode()
    suggested = client.get("/search/suggest/", {"q": query}).json()["results"]
    return {
        "titles": [hit["title"] for hit in data["results"]],
        "count": data["count"],
        "facet_total": sum(
            sum(buckets.values())
            for name, buckets in data["facets"].items()
            if name == "type"
        ),
        "html": html,
        "suggested": [hit["title"] for hit in suggested],
    }


def nothing_shown(seen, secret_text):
    return (
        seen["titles"] == []
        and seen["count"] == 0
        and seen["facet_total"] == 0
        and seen["suggested"] == []
        and secret_text not in seen["html"]
    )


@pytest.fixture
def reader_group(db):
    return Group.objects.create(name="Ban Tổ chức")


@pytest.fixture
def public_document(archive_page, search_backend):
    document = DocumentFactory(
        symbol="15-NQ/TW",
        title="Về nhân sự khóa mới",
        body="Danh sách dự kiến nhân sự cấp ủy",
    )
    search_backend.refresh_indexes()
    return document


def restrict(document, group):
    document.access = "restricted"
    document.save()
    assign_perm("documents.view_document", group, document)


@pytest.mark.engine
def test_restricting_a_document_hides_it_at_once_while_the_worker_is_idle(
    client, search_backend, public_document, reader_group, idle_worker
):
    assert search_as(client, None, "nhan su", search_backend)["count"] == 1

    restrict(public_document, reader_group)  # not committed, no task run

    seen = search_as(client, None, "nhan su", search_backend)
    assert nothing_shown(seen, "Danh sách dự kiến")
    assert nothing_shown(
        search_as(client, UserFactory(role="staff"), "nhan su", search_backend),
        "Danh sách dự kiến",
    )


@pytest.mark.engine
def test_the_commit_writes_the_change_to_the_engine_without_the_worker(
    client,
    search_backend,
    public_document,
    reader_group,
    idle_worker,
    django_capture_on_commit_callbacks,
):
    member = UserFactory(role="staff")
    member.groups.add(reader_group)

    with django_capture_on_commit_callbacks(execute=True):
        restrict(public_document, reader_group)

    assert not PendingIndexUpdate.objects.exists()
    assert nothing_shown(
        search_as(client, None, "nhan su", search_backend), "Danh sách dự kiến"
    )
    seen = search_as(client, member, "nhan su", search_backend)
    assert seen["titles"] == ["Về nhân sự khóa mới"]
    assert seen["count"] == seen["facet_total"] == 1
    assert "Danh sách dự kiến" in seen["html"]


@pytest.mark.engine
def test_sharing_in_the_admin_takes_effect_in_search_at_once(
    client,
    search_backend,
    public_document,
    reader_group,
    idle_worker,
    django_capture_on_commit_callbacks,
):
    member = UserFactory(role="staff")
    member.groups.add(reader_group)
    client.force_login(UserFactory(role="admin"))

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            SHARING_URL.format(public_document.pk),
            {"access": "restricted", "groups": [reader_group.pk]},
        )

    assert response.status_code == 302
    assert nothing_shown(
        search_as(client, None, "nhan su", search_backend), "Danh sách dự kiến"
    )
    assert search_as(client, member, "nhan su", search_backend)["count"] == 1


@pytest.mark.engine
def test_a_restricted_item_stays_hidden_while_the_engine_refuses_writes_then_returns(
    client,
    search_backend,
    public_document,
    reader_group,
    engine_writes,
    django_capture_on_commit_callbacks,
):
    member = UserFactory(role="staff")
    member.groups.add(reader_group)
    engine_writes.refuse()

    with django_capture_on_commit_callbacks(execute=True):
        restrict(public_document, reader_group)

    assert PendingIndexUpdate.objects.filter(withheld=True).exists()
    assert nothing_shown(
        search_as(client, None, "nhan su", search_backend), "Danh sách dự kiến"
    )

    engine_writes.allow()
    call_command("replay_index_backlog", verbosity=0)

    assert not PendingIndexUpdate.objects.exists()
    assert nothing_shown(
        search_as(client, None, "nhan su", search_backend), "Danh sách dự kiến"
    )
    assert search_as(client, member, "nhan su", search_backend)["titles"] == [
        "Về nhân sự khóa mới"
    ]


@pytest.mark.engine
def test_a_withdrawn_document_leaves_counts_and_facets_at_once(
    client, search_backend, public_document, idle_worker
):
    public_document.live = False
    public_document.save()

    assert nothing_shown(
        search_as(client, None, "nhan su", search_backend), "Danh sách dự kiến"
    )


@pytest.mark.engine
def test_an_article_made_internal_leaves_anonymous_search_at_once(
    client, home_page, archive_page, search_backend, idle_worker
):
    section = make_section(home_page)
    article = make_article(
        section, title="Hội nghị cán bộ chủ chốt", lead="Nội dung hội nghị kín"
    )
    call_command("update_index", verbosity=0)
    assert search_as(client, None, "chu chot", search_backend)["count"] == 1

    article.access = "internal"
    article.save(update_fields=["access"])

    assert nothing_shown(
        search_as(client, None, "chu chot", search_backend), "Nội dung hội nghị kín"
    )


@pytest.mark.engine
def test_an_article_moved_under_a_restriction_leaves_anonymous_search_at_once(
    client, home_page, archive_page, search_backend, idle_worker
):
    section = make_section(home_page)
    members_only = make_section(home_page, title="Nội bộ", slug="noi-bo-tin")
    PageViewRestriction.objects.create(
        page=members_only, restriction_type=PageViewRestriction.LOGIN
    )
    article = make_article(
        section, title="Hội nghị cán bộ chủ chốt", lead="Nội dung hội nghị kín"
    )
    call_command("update_index", verbosity=0)
    assert search_as(client, None, "chu chot", search_backend)["count"] == 1

    article.move(members_only, pos="last-child")

    assert nothing_shown(
        search_as(client, None, "chu chot", search_backend), "Nội dung hội nghị kín"
    )


@pytest.mark.engine
def test_hits_are_checked_against_the_database_before_they_are_shown(
    client,
    search_backend,
    public_document,
    reader_group,
    engine_writes,
):
    engine_writes.refuse()
    restrict(public_document, reader_group)
    # An entry the engine still holds on its old terms, with no record of it.
    PendingIndexUpdate.objects.all().delete()

    seen = search_as(client, None, "nhan su", search_backend)

    assert seen["titles"] == [] and seen["suggested"] == []
    assert "Danh sách dự kiến" not in seen["html"]


def bulk_delete(client, documents):
    url = reverse("wagtail_bulk_action", args=("documents", "document", "delete"))
    query = "&".join(f"id={document.pk}" for document in documents)
    return client.post(f"{url}?{query}")


@pytest.mark.engine
def test_deleting_documents_by_any_path_removes_them_from_the_index(
    client, archive_page, search_backend
):
    one, two, three = (
        DocumentFactory(symbol=f"{number}-NQ/TW", title="Về kinh tế biển")
        for number in (21, 22, 23)
    )
    four = DocumentFactory(symbol="24-NQ/TW", title="Về kinh tế biển")
    assert search_as(client, None, "kinh te bien", search_backend)["count"] == 4

    four.delete()
    Document.objects.filter(pk=three.pk).delete()
    client.force_login(UserFactory(is_superuser=True))
    assert bulk_delete(client, [one, two]).status_code == 302

    assert not Document.objects.exists()
    seen = search_as(client, None, "kinh te bien", search_backend)
    assert seen["count"] == seen["facet_total"] == 0


@pytest.mark.engine
def test_documents_deleted_while_the_engine_refuses_writes_are_not_counted(
    client, archive_page, search_backend, engine_writes
):
    documents = [
        DocumentFactory(symbol=f"{number}-NQ/TW", title="Về kinh tế biển")
        for number in (21, 22)
    ]
    assert search_as(client, None, "kinh te bien", search_backend)["count"] == 2
    client.force_login(UserFactory(is_superuser=True))
    engine_writes.refuse()

    assert bulk_delete(client, documents).status_code == 302

    seen = search_as(client, None, "kinh te bien", search_backend)
    assert seen["count"] == seen["facet_total"] == 0
    engine_writes.allow()
    call_command("replay_index_backlog", verbosity=0)
    assert not PendingIndexUpdate.objects.exists()
    assert search_as(client, None, "kinh te bien", search_backend)["count"] == 0
