"""Who may see an item, in a form that search engines can filter on.

An item's index entry carries its principals; a query is filtered by the
requesting user's. Superusers are not filtered at all.
"""

PUBLIC = "public"
STAFF = "staff"


def group_principal(group_id):
    return f"group:{group_id}"


def user_principal(user_id):
    return f"user:{user_id}"


# Principals that stand for a right rather than a group, each with the rule
# that says who holds it (registered by the app that owns the right).
_held_by_rule = {}


def register_principal(name, holds):
    """A principal held by every signed-in user for whom ``holds(user)`` is
    true, read at each query, so a change of rights applies at once. Items
    only their readers may see carry it in their index entries (the registers,
    read by whoever may view them); their own ``is_visible_to`` asks the rule."""
    _held_by_rule[name] = holds


def _groups(user):
    """``{id: name}`` of the user's groups, read once per user object, which is
    one per request (``forget_groups`` keeps it true when that object's groups
    change)."""
    if not hasattr(user, "_portal_groups"):
        user._portal_groups = dict(user.groups.values_list("pk", "name"))
    return user._portal_groups


def group_ids(user):
    """The ids of the user's groups. Listings name them rather than a subquery
    of the user's groups, which PostgreSQL plans as a scan of every grant."""
    return list(_groups(user))


def group_names(user):
    """The names of the user's groups, read with their ids."""
    return set(_groups(user).values())


def forget_groups(user):
    """Drop what was read of the user's groups, after they changed."""
    user.__dict__.pop("_portal_groups", None)


def principals_for_user(user):
    """The principals a user holds: everyone is public, every signed-in user staff."""
    if user is None or not user.is_authenticated:
        return [PUBLIC]
    return [
        PUBLIC,
        STAFF,
        user_principal(user.pk),
        *(group_principal(pk) for pk in group_ids(user)),
    ]


def index_principals_for_user(user):
    """What the engine matches index entries against: the user's principals and
    those their rights give them (``register_principal``), asked only here so
    that deciding on one item costs no permission lookup."""
    principals = principals_for_user(user)
    if user is None or not user.is_authenticated:
        return principals
    return [
        *principals,
        *(name for name, holds in _held_by_rule.items() if holds(user)),
    ]


def sees_everything(user):
    """Superusers and administrators, who manage who may see what, see it all."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    from portal.access.roles import ROLE_BY_KEY

    return user.is_superuser or ROLE_BY_KEY["admin"].group_name in group_names(user)
