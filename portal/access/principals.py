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


def principals_for_user(user):
    """The principals a user holds: everyone is public, every signed-in user staff."""
    if user is None or not user.is_authenticated:
        return [PUBLIC]
    return [
        PUBLIC,
        STAFF,
        user_principal(user.pk),
        *(group_principal(pk) for pk in user.groups.values_list("pk", flat=True)),
    ]


def sees_everything(user):
    """Superusers and administrators, who manage who may see what, see it all."""
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if not hasattr(user, "_portal_sees_everything"):
        from portal.access.roles import ROLE_BY_KEY

        user._portal_sees_everything = (
            user.is_superuser
            or user.groups.filter(name=ROLE_BY_KEY["admin"].group_name).exists()
        )
    return user._portal_sees_everything
