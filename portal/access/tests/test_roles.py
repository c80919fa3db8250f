from django.apps import apps
from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Page

from portal.access.factories import UserFactory
from portal.access.roles import ROLES, sync_roles


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


def test_a_permission_dropped_from_a_role_is_taken_from_its_group(db):
    editors = Group.objects.get(name="Biên tập viên")
    editors.permissions.add(Permission.objects.get(codename="delete_user"))
    GroupPagePermission.objects.create(
        group=editors,
        page=Page.get_first_root_node(),
        permission=Permission.objects.get(codename="publish_page"),
    )

    sync_roles(apps)

    editor = UserFactory(role="editor")
    assert not editor.has_perm("auth.delete_user")
    assert not Page.get_first_root_node().permissions_for_user(editor).can_publish()
    assert editor.has_perm("documents.add_document")
