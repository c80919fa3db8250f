from portal.core.collation import vietnamese
from portal.followup.models import Membership


def describe_units(user_ids):
    """{user_id: "Ban Tổ chức, Văn phòng"}: the units each person belongs to,
    in Vietnamese order, for the sharing panel (see portal.access.people)."""
    units = {}
    memberships = (
        Membership.objects.filter(user_id__in=user_ids)
        .select_related("unit")
        .order_by(vietnamese("unit__name"))
    )
    for membership in memberships:
        units.setdefault(membership.user_id, []).append(membership.unit.name)
    return {user_id: ", ".join(names) for user_id, names in units.items()}
