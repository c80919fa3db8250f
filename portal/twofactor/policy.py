"""Who must sign in with a second factor.

Those who see everything (superusers, administrators) always do; so do members
of the roles named in ``TWOFACTOR_ROLES``, holders of a permission named in
``TWOFACTOR_PERMISSIONS`` and, with ``TWOFACTOR_FOR_SHARED``, anyone a restricted
item is shared with (directly or through a group). ``TWOFACTOR_REQUIRED`` turns
the requirement off altogether (the test and development settings do).
"""

from django.conf import settings
from guardian.models import GroupObjectPermission, UserObjectPermission

from portal.access import principals
from portal.access.roles import ROLE_BY_KEY


def required_group_names():
    return [ROLE_BY_KEY[key].group_name for key in settings.TWOFACTOR_ROLES]


def holds_a_share(user):
    """Whether a restricted item is shared with the user or one of their groups:
    object permissions are how the portal shares items and nothing else."""
    if UserObjectPermission.objects.filter(user=user).exists():
        return True
    groups = principals.group_ids(user)
    return (
        bool(groups)
        and GroupObjectPermission.objects.filter(group_id__in=groups).exists()
    )


def requires_second_factor(user):
    if not settings.TWOFACTOR_REQUIRED or not user.is_authenticated:
        return False
    if not hasattr(user, "_portal_requires_second_factor"):
        user._portal_requires_second_factor = (
            principals.sees_everything(user)
            or not principals.group_names(user).isdisjoint(required_group_names())
            or any(user.has_perm(name) for name in settings.TWOFACTOR_PERMISSIONS)
            or (settings.TWOFACTOR_FOR_SHARED and holds_a_share(user))
        )
    return user._portal_requires_second_factor
