import logging

import pytest

from portal.access.factories import UserFactory
from portal.accounts.configuration import parse_group_map
from portal.accounts.groups import GroupMap


def test_a_claim_holding_a_single_group_as_text_maps_like_a_list_of_one(db):
    user = UserFactory()
    group_map = GroupMap(parse_group_map({"Lanh-Dao": {"roles": ["approver"]}}))

    group_map.apply(user, "lanh-dao")

    assert set(user.groups.values_list("name", flat=True)) == {"Người duyệt"}


@pytest.mark.parametrize(
    "claim", [None, 42, {"lanh-dao": True}, ["lanh-dao", None], [["lanh-dao"]]]
)
def test_a_null_or_malformed_groups_claim_counts_as_no_groups_with_a_warning(
    db, claim, caplog
):
    user = UserFactory(role="editor")
    group_map = GroupMap(parse_group_map({"lanh-dao": {"roles": ["approver"]}}))
    group_map.apply(user, ["lanh-dao"])

    with caplog.at_level(logging.WARNING, logger="portal.accounts.groups"):
        group_map.apply(user, claim)

    # the mapped role goes, the role given by hand stays
    assert set(user.groups.values_list("name", flat=True)) == {"Biên tập viên"}
    assert "neither a name nor a list of names" in caplog.text
