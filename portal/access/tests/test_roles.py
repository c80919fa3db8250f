from django.contrib.auth.models import Group
from wagtail.models import Page

from portal.access.roles import ROLES
from tests.factories import UserFactory


def test_every_role_of_the_brief_exists_after_migrating(db):
    assert set(Group.objects.values_list("name", flat=True)) >= {
        "Cán bộ",
        "Biên tập viên",
        "Người duyệt",
        "Văn thư",
        "Quản trị",
    }
    assert len(ROLES) == 5


def test_editors_write_drafts_but_only_approvers_publish(home_page):
    editor = UserFactory(role="editor")
    approver = UserFactory(role="approver")

    editor_perms = home_page.permissions_for_user(editor)
    approver_perms = home_page.permissions_for_user(approver)

    assert editor_perms.can_edit()
    assert not editor_perms.can_publish()
    assert approver_perms.can_publish()
    assert approver_perms.can_unpublish()


def test_staff_have_no_admin_access(db):
    staff = UserFactory(role="staff")
    clerk = UserFactory(role="clerk")

    assert not staff.has_perm("wagtailadmin.access_admin")
    assert clerk.has_perm("wagtailadmin.access_admin")


def test_administrators_manage_users_and_groups(db):
    admin = UserFactory(role="admin")

    assert admin.has_perm("auth.change_user")
    assert admin.has_perm("auth.change_group")
    assert not UserFactory(role="editor").has_perm("auth.change_user")


def test_the_root_page_is_where_page_permissions_are_granted(db):
    root = Page.get_first_root_node()
    assert root.group_permissions.filter(group__name="Người duyệt").exists()
