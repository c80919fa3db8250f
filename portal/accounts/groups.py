"""Groups of a directory or a single sign-on provider, mapped to roles and units.

One map per source, from the environment (``portal.accounts.configuration``):
each of the source's groups names the roles (keys of ``portal.access.roles``)
and the units (by name) its members get. The map owns what it names: at each
sign-in a user gets exactly the mapped roles and units of the groups they are in,
loses those of the groups they have left, and keeps every role and unit the map
does not name (given by hand in the admin).
"""

import logging

from django.contrib.auth.models import Group
from django.db import transaction

from portal.access.roles import ROLE_BY_KEY
from portal.followup.models import Membership, Unit

logger = logging.getLogger(__name__)


class GroupMap:
    def __init__(self, entries):
        self.entries = entries

    def _named(self, kind, groups=None):
        return {
            value
            for group, grant in self.entries.items()
            if groups is None or group in groups
            for value in grant[kind]
        }

    @transaction.atomic
    def apply(self, user, source_groups):
        """Give a saved user the roles and units of their groups at the source."""
        if isinstance(source_groups, str):  # a claim holding a single group
            source_groups = [source_groups]
        elif not isinstance(source_groups, (list, tuple, set, frozenset)) or not all(
            isinstance(group, str) for group in source_groups
        ):
            # a null or malformed claim of the provider: no groups, not a crash
            logger.warning(
                "groups of %s are neither a name nor a list of names: %r",
                user,
                source_groups,
            )
            source_groups = []
        groups = {group.strip().lower() for group in source_groups}
        self._apply_roles(user, groups)
        self._apply_units(user, groups)

    def _apply_roles(self, user, groups):
        names = {key: ROLE_BY_KEY[key].group_name for key in self._named("roles")}
        wanted = {names[key] for key in self._named("roles", groups)}
        user.groups.remove(*Group.objects.filter(name__in=set(names.values()) - wanted))
        user.groups.add(*Group.objects.filter(name__in=wanted))

    def _apply_units(self, user, groups):
        wanted = self._named("units", groups)
        units = Unit.objects.filter(name__in=self._named("units"))
        missing = wanted - {unit.name for unit in units}
        if missing:
            logger.warning("group map names units that do not exist: %s", missing)
        Membership.objects.filter(user=user, unit__in=units).exclude(
            unit__name__in=wanted
        ).delete()
        for unit in units:
            if unit.name in wanted:
                Membership.objects.get_or_create(user=user, unit=unit)
