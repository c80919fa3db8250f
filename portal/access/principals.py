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
    return user is not None and user.is_active and user.is_superuser
