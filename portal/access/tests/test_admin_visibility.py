"""The admin shows a restricted document or article only to those it is shared with.

An editor, approver or clerk outside its sharing finds it in no admin list and
gets 404 from every admin URL that names it; its actions are refused. Shared
with their group, the same user works with it as usual.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from guardian.shortcuts import assign_perm
from wagtail.log_actions import log

from portal.access.factories import UserFactory
from portal.comments.factories import CommentFactory
from portal.comments.models import Comment
from portal.documents.factories import DocumentFactory
from portal.documents.models import Document
from portal.images.factories import ImageFactory
from portal.news.factories import make_article, make_section

OFFICE_ROLES = ["editor", "approver", "clerk"]
SYMBOL = "17-NQ/TW"
DOCUMENT_TITLE = "Kết luận về công tác nhân sự mật"
# ASCII, to be found in the choosers' JSON answers as well as in HTML
ARTICLE_WORD = "nhansumat"
ARTICLE_TITLE = f"Tin {ARTICLE_WORD} ve hoi nghi"


@pytest.fixture
def restricted(home_page):
    """A restricted document and article, each with two revisions, a log entry
    and a workflow in progress, shared with one group."""
    author = UserFactory(role="admin")
    group = Group.objects.create(name="Nhóm được chia sẻ")

    document = DocumentFactory(symbol=SYMBOL, title=DOCUMENT_TITLE, access="restricted")
    document.save_revision(user=author)
    document.title = f"{DOCUMENT_TITLE} (sửa)"
    document.save_revision(user=author, log_action=True)
    log(instance=document, action="wagtail.edit", user=author)
    document_workflow = document.get_workflow().start(document, author)
    assign_perm("documents.view_document", group, document)

    section = make_section(home_page)
    article = make_article(section, title=ARTICLE_TITLE, access="restricted")
    article.lead = "Bản sửa"
    revision = article.save_revision(user=author, log_action=True)
    article_workflow = article.get_workflow().start(article, author)
    assign_perm("news.view_articlepage", group, article)

    return {
        "group": group,
        "document": document,
        "document_workflow": document_workflow,
        "article": article,
        "article_revision": revision,
        "article_workflow": article_workflow,
        "section": section,
    }


def outsider(role):
    return UserFactory(role=role)


def sharer(role, restricted):
    user = UserFactory(role=role)
    user.groups.add(restricted["group"])
    return user


def document_urls(restricted):
    document = restricted["document"]
    pk = document.pk
    revision = document.revisions.order_by("created_at").first()

    def snippet(name, *args):
        return reverse(f"wagtailsnippets_documents_document:{name}", args=[pk, *args])

    return {
        "edit": snippet("edit"),
        "history": snippet("history"),
        "history_results": snippet("history_results"),
        "usage": snippet("usage"),
        "revision": snippet("revisions_revert", revision.pk),
        "compare": snippet("revisions_compare", "earliest", "latest"),
        "workflow_history": snippet("workflow_history"),
        "workflow_history_detail": snippet(
            "workflow_history_detail", restricted["document_workflow"].pk
        ),
        "unpublish": snippet("unpublish"),
        "sharing": snippet("sharing"),
        "chosen": reverse(
            "wagtailsnippetchoosers_documents_document:chosen", args=[pk]
        ),
    }


def article_urls(restricted):
    article = restricted["article"]
    pk = article.pk

    def page(name, *args):
        return reverse(f"wagtailadmin_pages:{name}", args=[pk, *args])

    return {
        "edit": page("edit"),
        "view_draft": page("view_draft"),
        "preview": page("preview_on_edit"),
        "history": page("history"),
        "usage": page("usage"),
        "revision": page("revisions_view", restricted["article_revision"].pk),
        "compare": page("revisions_compare", "earliest", "latest"),
        "workflow_history": page("workflow_history"),
        "workflow_history_detail": page(
            "workflow_history_detail", restricted["article_workflow"].pk
        ),
        "unpublish": page("unpublish"),
        "delete": page("delete"),
        "copy": page("copy"),
        "move": page("move"),
        "sharing": reverse("news_article_sharing", args=[pk]),
        "api_detail": f"/admin/api/main/pages/{pk}/",
    }


# Documents


@pytest.mark.parametrize("role", OFFICE_ROLES)
def test_every_admin_url_of_a_restricted_document_is_404_outside_its_sharing(
    client, restricted, role
):
    client.force_login(outsider(role))

    answers = {name: client.get(url) for name, url in document_urls(restricted).items()}

    assert {name: answer.status_code for name, answer in answers.items()} == {
        name: 404 for name in answers
    }
    for answer in answers.values():
        assert SYMBOL not in answer.content.decode()


def test_every_admin_url_of_a_restricted_document_answers_those_it_is_shared_with(
    client, restricted
):
    client.force_login(sharer("approver", restricted))

    statuses = {
        name: client.get(url).status_code
        for name, url in document_urls(restricted).items()
    }

    assert statuses == {name: 200 for name in statuses}


@pytest.mark.parametrize("role", ["editor", "clerk"])
def test_editors_and_clerks_it_is_shared_with_edit_it_and_read_its_history(
    client, restricted, role
):
    client.force_login(sharer(role, restricted))
    urls = document_urls(restricted)

    for name in ["edit", "history", "usage", "compare", "workflow_history"]:
        assert client.get(urls[name]).status_code == 200, name


def test_an_approver_outside_its_sharing_can_neither_unpublish_nor_lock_it(
    client, restricted
):
    document = restricted["document"]
    client.force_login(outsider("approver"))

    unpublish = client.post(document_urls(restricted)["unpublish"])
    lock = client.post(
        reverse("wagtailsnippets_documents_document:lock", args=[document.pk])
    )

    assert (unpublish.status_code, lock.status_code) == (404, 404)
    document.refresh_from_db()
    assert document.live
    assert not document.locked


def test_an_approver_it_is_shared_with_unpublishes_and_locks_it(client, restricted):
    document = restricted["document"]
    client.force_login(sharer("approver", restricted))

    client.post(reverse("wagtailsnippets_documents_document:lock", args=[document.pk]))
    client.post(document_urls(restricted)["unpublish"])

    document.refresh_from_db()
    assert document.locked
    assert not document.live


def chooser_symbols(client, **params):
    response = client.get(
        reverse("wagtailsnippetchoosers_documents_document:choose_results"), params
    )
    assert response.status_code == 200
    return [
        symbol for symbol in (SYMBOL, "15-NQ/TW") if symbol in response.content.decode()
    ]


@pytest.mark.parametrize("role", OFFICE_ROLES)
def test_the_document_chooser_offers_a_restricted_document_only_to_those_it_is_shared_with(
    client, restricted, search_backend, role
):
    DocumentFactory(symbol="15-NQ/TW", title="Nghị quyết về nhân sự")
    search_backend.refresh_indexes()

    client.force_login(outsider(role))
    assert chooser_symbols(client) == ["15-NQ/TW"]
    assert chooser_symbols(client, q="nhân sự") == ["15-NQ/TW"]

    client.force_login(sharer(role, restricted))
    assert chooser_symbols(client) == [SYMBOL, "15-NQ/TW"]
    assert chooser_symbols(client, q="nhân sự") == [SYMBOL, "15-NQ/TW"]


def test_choosing_a_document_by_something_that_is_not_an_id_is_404(client, restricted):
    client.force_login(outsider("editor"))

    response = client.get(
        reverse("wagtailsnippetchoosers_documents_document:chosen", args=["abc"])
    )

    assert response.status_code == 404


def test_choosing_several_documents_leaves_out_those_the_user_may_not_see(
    client, restricted
):
    public = DocumentFactory(symbol="15-NQ/TW")
    client.force_login(outsider("editor"))

    response = client.get(
        reverse("wagtailsnippetchoosers_documents_document:chosen_multiple"),
        {"id": [restricted["document"].pk, public.pk]},
    )

    assert [item["id"] for item in response.json()["result"]] == [str(public.pk)]


@pytest.mark.parametrize("role", ["editor", "approver"])
def test_bulk_delete_neither_lists_nor_deletes_a_document_outside_its_sharing(
    client, restricted, role
):
    document = restricted["document"]
    public = DocumentFactory(symbol="15-NQ/TW")
    client.force_login(outsider(role))
    url = "/admin/bulk/documents/document/delete/"

    alone = client.get(url, {"id": [document.pk]})
    mixed = client.get(url, {"id": [document.pk, public.pk]})
    every = client.get(url, {"id": "all"})
    client.post(f"{url}?id={document.pk}&id={public.pk}")

    assert alone.status_code == 404
    assert SYMBOL not in mixed.content.decode()
    assert SYMBOL not in every.content.decode()
    assert Document.objects.filter(pk=document.pk).exists()


# Articles


@pytest.mark.parametrize("role", OFFICE_ROLES)
def test_every_admin_url_of_a_restricted_article_is_404_outside_its_sharing(
    client, restricted, role
):
    client.force_login(outsider(role))

    answers = {name: client.get(url) for name, url in article_urls(restricted).items()}

    assert {name: answer.status_code for name, answer in answers.items()} == {
        name: 404 for name in answers
    }
    for answer in answers.values():
        assert ARTICLE_TITLE not in answer.content.decode()


def test_every_admin_url_of_a_restricted_article_answers_those_it_is_shared_with(
    client, restricted
):
    client.force_login(sharer("approver", restricted))

    statuses = {
        name: client.get(url).status_code
        for name, url in article_urls(restricted).items()
    }

    assert statuses == {name: 200 for name in statuses}


def test_an_approver_outside_its_sharing_can_neither_unpublish_nor_lock_an_article(
    client, restricted
):
    article = restricted["article"]
    client.force_login(outsider("approver"))

    unpublish = client.post(article_urls(restricted)["unpublish"])
    lock = client.post(reverse("wagtailadmin_pages:lock", args=[article.pk]))
    bulk = client.post(f"/admin/bulk/wagtailcore/page/unpublish/?id={article.pk}")

    assert [unpublish.status_code, lock.status_code, bulk.status_code] == [404] * 3
    article.refresh_from_db()
    assert article.live
    assert not article.locked


def test_an_approver_it_is_shared_with_unpublishes_and_locks_an_article(
    client, restricted
):
    article = restricted["article"]
    client.force_login(sharer("approver", restricted))

    client.post(reverse("wagtailadmin_pages:lock", args=[article.pk]))
    client.post(article_urls(restricted)["unpublish"])

    article.refresh_from_db()
    assert article.locked
    assert not article.live


def unpublishing_the_section_with_its_articles(client, restricted):
    section = restricted["section"]
    section.save_revision().publish()
    return client.post(
        f"/admin/bulk/wagtailcore/page/unpublish/?id={section.pk}",
        {"include_descendants": "on"},
    )


def test_unpublishing_a_section_with_its_articles_leaves_an_article_outside_the_sharing(
    client, restricted
):
    client.force_login(outsider("approver"))

    unpublishing_the_section_with_its_articles(client, restricted)

    restricted["section"].refresh_from_db()
    restricted["article"].refresh_from_db()
    assert not restricted["section"].live
    assert restricted["article"].live


def listings(client, restricted):
    """Whether the article appears in each admin list of pages."""
    article, section = restricted["article"], restricted["section"]
    api = client.get("/admin/api/main/pages/", {"child_of": section.pk}).json()
    return {
        "explorer": ARTICLE_TITLE
        in client.get(
            reverse("wagtailadmin_explore", args=[section.pk])
        ).content.decode(),
        "search": ARTICLE_TITLE
        in client.get(
            reverse("wagtailadmin_pages:search"), {"q": ARTICLE_WORD}
        ).content.decode(),
        "chooser": ARTICLE_TITLE
        in client.get(
            reverse("wagtailadmin_choose_page_child", args=[section.pk])
        ).content.decode(),
        "chooser_search": ARTICLE_TITLE
        in client.get(
            reverse("wagtailadmin_choose_page_search"), {"q": ARTICLE_WORD}
        ).content.decode(),
        "api": article.pk in [page["id"] for page in api["items"]],
    }


@pytest.mark.parametrize("role", OFFICE_ROLES)
def test_no_admin_list_of_pages_shows_a_restricted_article_outside_its_sharing(
    client, restricted, search_backend, role
):
    client.force_login(outsider(role))
    assert listings(client, restricted) == dict.fromkeys(
        ["explorer", "search", "chooser", "chooser_search", "api"], False
    )

    client.force_login(sharer(role, restricted))
    assert listings(client, restricted) == dict.fromkeys(
        ["explorer", "search", "chooser", "chooser_search", "api"], True
    )


# The site history


@pytest.mark.parametrize("role", OFFICE_ROLES)
def test_the_site_history_shows_entries_of_restricted_items_only_to_those_they_are_shared_with(
    client, restricted, role
):
    url = reverse("wagtailadmin_reports:site_history")

    client.force_login(outsider(role))
    hidden = client.get(url).content.decode()
    client.force_login(sharer(role, restricted))
    shown = client.get(url).content.decode()

    assert (SYMBOL in hidden, ARTICLE_TITLE in hidden) == (False, False)
    assert (SYMBOL in shown, ARTICLE_TITLE in shown) == (True, True)


def test_the_site_history_export_leaves_out_entries_of_restricted_items(
    client, restricted
):
    client.force_login(outsider("approver"))

    response = client.get(
        reverse("wagtailadmin_reports:site_history"), {"export": "csv"}
    )
    export = b"".join(response.streaming_content).decode()

    assert SYMBOL not in export
    assert ARTICLE_TITLE not in export


def test_administrators_see_everything_in_the_admin(client, restricted):
    client.force_login(UserFactory(role="admin"))

    assert client.get(document_urls(restricted)["history"]).status_code == 200
    assert client.get(article_urls(restricted)["edit"]).status_code == 200


# Workflow reports and the dashboard


def seen_in(client, url):
    content = client.get(url).content.decode()
    return {"document": SYMBOL in content, "article": ARTICLE_TITLE in content}


@pytest.mark.parametrize(
    "url_name",
    ["wagtailadmin_reports:workflow", "wagtailadmin_reports:workflow_tasks"],
)
def test_the_workflow_reports_show_restricted_items_only_to_those_they_are_shared_with(
    client, restricted, url_name
):
    url = reverse(url_name)

    client.force_login(outsider("approver"))
    hidden = seen_in(client, url)
    client.force_login(sharer("approver", restricted))
    shown = seen_in(client, url)

    assert hidden == {"document": False, "article": False}
    assert shown == {"document": True, "article": True}


def test_the_dashboard_lists_for_review_only_restricted_items_shared_with_the_approver(
    client, restricted
):
    client.force_login(outsider("approver"))
    hidden = seen_in(client, reverse("wagtailadmin_home"))
    client.force_login(sharer("approver", restricted))
    shown = seen_in(client, reverse("wagtailadmin_home"))

    assert hidden == {"document": False, "article": False}
    assert shown["document"] is True


def test_an_image_used_by_a_restricted_article_names_it_only_to_those_it_is_shared_with(
    client, restricted
):
    image = ImageFactory(title="Ảnh hội nghị")
    article = restricted["article"]
    article.hero_image = image
    article.save_revision().publish()
    url = reverse("wagtailimages:image_usage", args=[image.pk])

    client.force_login(outsider("editor"))
    hidden = client.get(url).content.decode()
    client.force_login(sharer("editor", restricted))
    shown = client.get(url).content.decode()

    assert ARTICLE_TITLE not in hidden
    assert ARTICLE_TITLE in shown


# Comments on a restricted article


def test_comments_on_a_restricted_article_are_moderated_only_by_those_it_is_shared_with(
    client, restricted
):
    comment = CommentFactory(page=restricted["article"], subject="Gop y nhansumat")
    listing = reverse("wagtailsnippets_comments_comment:list")
    edit = reverse("wagtailsnippets_comments_comment:edit", args=[comment.pk])
    approve = reverse("wagtail_bulk_action", args=("comments", "comment", "approve"))

    client.force_login(outsider("editor"))
    hidden = client.get(listing).content.decode()
    refused = [
        client.get(edit).status_code,
        client.post(f"{approve}?id={comment.pk}").status_code,
    ]
    comment.refresh_from_db()
    still_pending = comment.status == Comment.Status.PENDING
    client.force_login(sharer("editor", restricted))
    shown = client.get(listing).content.decode()

    assert "nhansumat" not in hidden
    assert refused == [404, 404]
    assert still_pending
    assert "nhansumat" in shown
    assert client.get(edit).status_code == 200


def test_the_locked_pages_report_names_a_restricted_article_only_to_those_it_is_shared_with(
    client, restricted
):
    article = restricted["article"]
    article.locked, article.locked_by = True, UserFactory(role="admin")
    article.save(update_fields=["locked", "locked_by"])
    url = reverse("wagtailadmin_reports:locked_pages")

    client.force_login(outsider("approver"))
    hidden = client.get(url).content.decode()
    client.force_login(sharer("approver", restricted))
    shown = client.get(url).content.decode()

    assert ARTICLE_TITLE not in hidden
    assert ARTICLE_TITLE in shown


def test_a_reviewer_outside_its_sharing_cannot_ping_an_editing_session_of_it(
    client, restricted
):
    document = restricted["document"]
    url = reverse(
        "wagtailadmin_editing_sessions:ping",
        args=["documents", "document", document.pk, 1],
    )

    client.force_login(outsider("approver"))
    refused = client.post(url).status_code
    client.force_login(sharer("approver", restricted))
    answered = client.post(url).status_code

    assert (refused, answered) == (404, 200)
