from portal.access.factories import UserFactory
from portal.accounts.configuration import parse_group_map
from portal.accounts.groups import GroupMap


def test_a_claim_holding_a_single_group_as_text_maps_like_a_list_of_one(db):
    user = UserFactory()
    group_map = GroupMap(parse_group_map({"Lanh-Dao": {"roles": ["approver"]}}))

    group_map.apply(user, "lanh-dao")

    assert set(user.groups.values_list("name", flat=True)) == {"Người duyệt"}
