"""Sharing a restricted item with groups and users (Plone's Sharing tab)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from guardian.shortcuts import assign_perm, remove_perm
from wagtail.log_actions import log

from portal.access.models import AccessLevel

SHARING_ACTION = "portal.sharing"


def check_sharing(access, groups, users):
    """A restricted item is shared with at least one group or user: the rule
    of the sharing tab and of every importer."""
    if access == AccessLevel.RESTRICTED and not (groups or users):
        raise ValidationError(
            _("A restricted item must be shared with at least one group or user."),
            code="not_shared",
        )


@transaction.atomic
def share(item, groups, users, by_user):
    """Make ``groups`` and ``users`` exactly those the item is shared with, and
    write the change to the audit log. Returns whether anything changed."""
    codename = f"{item._meta.app_label}.{item.view_codename()}"
    before_groups = set(item.shared_group_ids())
    before_users = set(item.shared_user_ids())
    after_groups = {group.pk for group in groups}
    after_users = {user.pk for user in users}

    changes = [
        (Group, before_groups - after_groups, remove_perm),
        (Group, after_groups - before_groups, assign_perm),
        (get_user_model(), before_users - after_users, remove_perm),
        (get_user_model(), after_users - before_users, assign_perm),
    ]
    for model, pks, operation in changes:
        for holder in model.objects.filter(pk__in=pks):
            operation(codename, holder, item)

    if before_groups == after_groups and before_users == after_users:
        return False
    log(
        instance=item,
        action=SHARING_ACTION,
        user=by_user,
        data={
            "groups": sorted(group.name for group in groups),
            "users": sorted(user.get_username() for user in users),
            "added_groups": sorted(after_groups - before_groups),
            "removed_groups": sorted(before_groups - after_groups),
            "added_users": sorted(after_users - before_users),
            "removed_users": sorted(before_users - after_users),
        },
    )
    return True
