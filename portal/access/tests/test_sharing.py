import pytest
from wagtail.models import ModelLogEntry

from portal.access.factories import UserFactory
from portal.documents.factories import DocumentFactory
from portal.followup.factories import UnitFactory, member_of
from portal.schedule.factories import EventFactory
from tests.browser import log_in

SHARING_URL = "/admin/snippets/documents/document/sharing/{}/"
LISTING_URL = "/admin/snippets/documents/document/"


def test_an_editor_lists_and_edits_only_documents_they_may_see_others_are_404(
    client, db
):
    public = DocumentFactory(symbol="15-NQ/TW")
    secret = DocumentFactory(symbol="17-NQ/TW", access="restricted")
    editor = UserFactory(role="editor")
    client.force_login(editor)

    listing = client.get(LISTING_URL).content.decode()

    assert public.symbol in listing
    assert secret.symbol not in listing
    assert (
        client.get(f"/admin/snippets/documents/document/edit/{secret.pk}/").status_code
        == 404
    )
    assert (
        client.get(f"/admin/snippets/documents/document/edit/{public.pk}/").status_code
        == 200
    )


def test_sharing_a_document_grants_access_and_is_written_to_the_audit_log(client, db):
    secret = DocumentFactory(symbol="17-NQ/TW", access="restricted")
    admin = UserFactory(role="admin")
    reader = UserFactory(role="staff")
    approver = UserFactory(role="approver")
    client.force_login(admin)

    response = client.post(
        SHARING_URL.format(secret.pk),
        {
            "access": "restricted",
            "groups": [approver.groups.get().pk],
            "users": [reader.pk],
        },
    )

    assert response.status_code == 302
    assert secret.is_visible_to(reader) and secret.is_visible_to(approver)
    assert not secret.is_visible_to(UserFactory(role="staff"))
    entry = ModelLogEntry.objects.get(action="portal.sharing")
    assert entry.user == admin
    assert entry.data["groups"] == ["Người duyệt"]
    assert entry.data["users"] == [reader.username]

    client.post(
        SHARING_URL.format(secret.pk),
        {"access": "restricted", "groups": [approver.groups.get().pk]},
    )
    assert not secret.is_visible_to(reader)
    assert ModelLogEntry.objects.filter(action="portal.sharing").count() == 2


def test_changing_the_access_level_is_audited(client, db):
    document = DocumentFactory(symbol="15-NQ/TW")
    admin = UserFactory(role="admin")
    client.force_login(admin)

    client.post(SHARING_URL.format(document.pk), {"access": "internal"})

    document.refresh_from_db()
    assert document.access == "internal"
    entry = ModelLogEntry.objects.get(action="portal.access")
    assert entry.data == {"from": "public", "to": "internal"}


def test_a_restricted_item_shared_with_nobody_is_refused_with_a_vietnamese_message(
    client, db
):
    document = DocumentFactory(symbol="15-NQ/TW")
    client.force_login(UserFactory(role="admin"))

    response = client.post(SHARING_URL.format(document.pk), {"access": "restricted"})

    assert response.status_code == 200
    assert "phải được chia sẻ" in response.content.decode()
    document.refresh_from_db()
    assert document.access == "public"


def test_staff_without_an_admin_role_cannot_share(client, db):
    document = DocumentFactory(symbol="15-NQ/TW")
    client.force_login(UserFactory(role="staff"))

    response = client.post(SHARING_URL.format(document.pk), {"access": "internal"})

    assert response.status_code in (302, 403)
    document.refresh_from_db()
    assert document.access == "public"


def test_an_article_is_shared_from_its_own_sharing_page(client, home_page):
    from portal.news.factories import make_article, make_section

    article = make_article(make_section(home_page), access="internal")
    reader = UserFactory(role="staff")
    client.force_login(UserFactory(role="approver"))
    url = f"/admin/news/articles/{article.pk}/sharing/"

    assert client.get(url).status_code == 200
    client.post(url, {"access": "restricted", "users": [reader.pk]})

    article.refresh_from_db()
    assert article.access == "restricted"
    assert article.is_visible_to(reader)
    from wagtail.models import PageLogEntry

    assert PageLogEntry.objects.filter(action="portal.sharing", page=article).exists()


def test_staff_cannot_share_articles(client, home_page):
    from portal.news.factories import make_article, make_section

    article = make_article(make_section(home_page))
    client.force_login(UserFactory(role="staff"))

    response = client.post(
        f"/admin/news/articles/{article.pk}/sharing/", {"access": "internal"}
    )

    assert response.status_code in (302, 403)
    article.refresh_from_db()
    assert article.access == "public"


def test_the_article_editor_offers_the_sharing_button(client, home_page):
    from portal.news.factories import make_article, make_section

    article = make_article(make_section(home_page))
    client.force_login(UserFactory(role="approver"))

    html = client.get(f"/admin/pages/{article.pk}/edit/").content.decode()

    assert f"/admin/news/articles/{article.pk}/sharing/" in html


def sharing_page(client, document):
    client.force_login(UserFactory(role="admin", first_name="Quản", last_name="Trị"))
    return client.get(SHARING_URL.format(document.pk))


def test_the_sharing_panel_offers_the_portals_roles_not_wagtails_default_groups(
    client, db
):
    response = sharing_page(client, DocumentFactory(symbol="15-NQ/TW"))

    offered = [
        group.name for group in response.context["form"]["groups"].field.queryset
    ]
    assert "Editors" not in offered and "Moderators" not in offered
    assert "Biên tập viên" in offered and "Văn thư" in offered
    assert "Editors" not in response.content.decode()


def test_the_sharing_panel_names_people_by_full_name_and_unit(client, db):
    member_of(UnitFactory(name="Ban Tổ chức"), first_name="An", last_name="Nguyễn Văn")
    UserFactory(role="staff", username="binh", first_name="Bình", last_name="Trần Thị")

    content = sharing_page(client, DocumentFactory(symbol="15-NQ/TW")).content.decode()

    assert "Nguyễn Văn An — Ban Tổ chức" in content
    assert "Trần Thị Bình" in content
    assert ">binh<" not in content


def test_the_sharing_panel_lists_people_by_given_name_then_family_name(client, db):
    for first_name, last_name in [
        ("Bình", "Trần Thị"),
        ("Ánh", "Lê Thị"),
        ("An", "Nguyễn Văn"),
        ("An", "Đỗ Văn"),
    ]:
        UserFactory(role="staff", first_name=first_name, last_name=last_name)

    content = sharing_page(client, DocumentFactory(symbol="15-NQ/TW")).content.decode()

    names = ["Đỗ Văn An", "Nguyễn Văn An", "Lê Thị Ánh", "Trần Thị Bình"]
    positions = [content.index(name) for name in names]
    assert positions == sorted(positions)


@pytest.mark.browser
def test_typing_in_the_sharing_panels_filter_keeps_only_matching_people(
    browser_page, db
):
    document = DocumentFactory(symbol="15-NQ/TW")
    admin = UserFactory(role="admin", first_name="Quản", last_name="Trị")
    member_of(UnitFactory(name="Ban Tổ chức"), first_name="An", last_name="Nguyễn Văn")
    member_of(UnitFactory(name="Văn phòng"), first_name="Bình", last_name="Trần Thị")
    page = browser_page
    log_in(page, admin)
    page.goto(SHARING_URL.format(document.pk))

    page.get_by_placeholder("Lọc theo tên hoặc đơn vị").fill("to chuc")

    assert page.get_by_label("Nguyễn Văn An — Ban Tổ chức").is_visible()
    assert not page.get_by_label("Trần Thị Bình — Văn phòng").is_visible()
    page.get_by_placeholder("Lọc theo tên hoặc đơn vị").fill("")
    assert page.get_by_label("Trần Thị Bình — Văn phòng").is_visible()


def test_the_admin_listings_of_documents_and_events_offer_each_items_sharing(
    client, db
):
    document = DocumentFactory()
    event = EventFactory()
    client.force_login(UserFactory(role="admin"))

    documents = client.get("/admin/snippets/documents/document/").content.decode()
    events = client.get("/admin/snippets/schedule/event/").content.decode()

    assert SHARING_URL.format(document.pk) in documents
    assert f"/admin/snippets/schedule/event/sharing/{event.pk}/" in events
