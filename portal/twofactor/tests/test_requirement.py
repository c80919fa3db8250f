"""Who must give a second factor, and what a user who has only given a password
may reach: the admin and the intranet send them to the code, other pages treat
them as an anonymous reader. Users are signed in with force_login, as any other
backend (directory, single sign-on) signs them in: the rule is on the session."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured
from guardian.shortcuts import assign_perm

from portal.access.factories import PASSWORD, UserFactory
from portal.documents.factories import DocumentFactory
from portal.twofactor.policy import requires_second_factor
from portal.twofactor.tests.conftest import code, enrolled


def verify(client, device, next_url=""):
    return client.post(
        "/xac-thuc/", {"code": code(device), "next": next_url}, REMOTE_ADDR="10.0.0.1"
    )


@pytest.mark.parametrize("path", ["/admin/", "/admin/pages/", "/noi-bo/"])
def test_an_approver_without_a_second_factor_is_sent_to_enrol_from_admin_and_intranet(
    client, home_page, required, path
):
    client.force_login(UserFactory(role="approver"))

    response = client.get(path, follow=True)

    assert response.redirect_chain[-1][0] == f"/xac-thuc/dang-ky/?next={path}"
    assert "Thiết lập xác thực hai bước" in response.content.decode()


def test_an_enrolled_administrator_is_asked_for_the_code_then_reaches_the_admin(
    client, home_page, required
):
    administrator = UserFactory(role="admin")
    device = enrolled(administrator)
    client.force_login(administrator)

    asked = client.get("/admin/")
    answered = verify(client, device, "/admin/")

    assert asked["Location"] == "/xac-thuc/?next=/admin/"
    assert answered["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    assert client.get("/noi-bo/").status_code == 200


def test_the_sign_in_pages_send_a_half_signed_in_user_on_to_the_code(
    client, home_page, required
):
    client.force_login(UserFactory(role="editor"))

    portal_login = client.get("/login/?next=/tim-kiem-da-luu/")
    admin_login = client.get("/admin/login/?next=/admin/pages/")

    assert portal_login["Location"] == "/xac-thuc/?next=/tim-kiem-da-luu/"
    assert admin_login["Location"] == "/xac-thuc/?next=/admin/pages/"


def test_a_password_given_to_the_admin_sign_in_leads_to_the_code(
    client, home_page, required
):
    editor = UserFactory(role="editor")
    enrolled(editor)

    response = client.post(
        "/admin/login/?next=/admin/pages/",
        {"username": editor.username, "password": PASSWORD, "next": "/admin/pages/"},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == "/xac-thuc/?next=/admin/pages/"
    assert "Nhập mã sáu chữ số" in response.content.decode()


def test_public_pages_serve_a_half_signed_in_administrator_as_an_anonymous_reader(
    client, archive_page, required
):
    DocumentFactory(symbol="15-NQ/TW")
    internal = DocumentFactory(symbol="16-NQ/TW", access="internal")
    DocumentFactory(symbol="17-NQ/TW", access="restricted")
    administrator = UserFactory(role="admin")
    device = enrolled(administrator)
    client.force_login(administrator)

    def listed():
        return {doc.symbol for doc in client.get("/van-ban/").context["results"]}

    assert listed() == {"15-NQ/TW"}
    internal_page = client.get(archive_page.document_url(internal), follow=True)
    assert internal_page.redirect_chain[-1][0].startswith("/xac-thuc/?next=")

    verify(client, device)
    assert listed() == {"15-NQ/TW", "16-NQ/TW", "17-NQ/TW"}


def test_a_half_signed_in_user_may_still_sign_out(client, home_page, required):
    client.force_login(UserFactory(role="clerk"))

    response = client.post("/logout/")

    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_staff_outside_the_roles_sign_in_with_a_password_alone(
    client, home_page, required
):
    client.force_login(UserFactory(role="staff"))

    assert client.get("/noi-bo/").status_code == 200


def test_staff_a_restricted_item_is_shared_with_must_give_a_second_factor(
    client, home_page, required
):
    staff = UserFactory(role="staff")
    assign_perm("documents.view_document", staff, DocumentFactory(access="restricted"))
    client.force_login(staff)

    assert client.get("/noi-bo/")["Location"].startswith("/xac-thuc/")

    required.TWOFACTOR_FOR_SHARED = False
    assert client.get("/noi-bo/").status_code == 200


def test_staff_whose_group_a_restricted_item_is_shared_with_must_give_a_second_factor(
    client, home_page, required
):
    staff = UserFactory(role="staff")
    unit = Group.objects.create(name="Ban Tuyên giáo")
    staff.groups.add(unit)
    assign_perm("documents.view_document", unit, DocumentFactory(access="restricted"))
    client.force_login(staff)

    assert client.get("/noi-bo/")["Location"].startswith("/xac-thuc/")


def test_deciding_for_a_reader_reads_their_groups_once(
    db, required, django_assert_num_queries
):
    staff = UserFactory(role="staff")
    reader = type(staff).objects.get(pk=staff.pk)  # as a request loads it

    # their groups, their permissions and their groups', what is shared with
    # them and with their groups
    with django_assert_num_queries(5):
        assert not requires_second_factor(reader)


def test_the_roles_and_permissions_that_require_it_are_configurable(
    client, home_page, required
):
    required.TWOFACTOR_ROLES = ["clerk"]
    required.TWOFACTOR_PERMISSIONS = []
    editor, clerk = UserFactory(role="editor"), UserFactory(role="clerk")

    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
    client.force_login(clerk)
    assert client.get("/admin/")["Location"].startswith("/xac-thuc/")


def test_administrators_need_it_whatever_the_roles_configured(
    client, home_page, required
):
    required.TWOFACTOR_ROLES = []
    required.TWOFACTOR_PERMISSIONS = []
    client.force_login(UserFactory(role="admin"))

    assert client.get("/admin/")["Location"].startswith("/xac-thuc/")


def test_with_the_requirement_off_a_password_opens_the_admin(client, home_page):
    client.force_login(UserFactory(role="admin"))

    assert client.get("/admin/").status_code == 200


def test_a_mistyped_role_stops_the_start(settings):
    settings.TWOFACTOR_ROLES = ["approver", "quan-tri"]

    with pytest.raises(ImproperlyConfigured, match="quan-tri"):
        apps.get_app_config("twofactor").ready()
