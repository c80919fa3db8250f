"""Property: whatever the events' access levels, sharing, publication and
participants, the week pages and the feeds show exactly what each person may
see. The expected answer is computed from the generated data alone."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.db import transaction
from guardian.shortcuts import assign_perm
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from portal.access.factories import UserFactory
from portal.schedule.factories import EventFactory
from portal.schedule.models import FeedToken

GROUPS = 2
PEOPLE = 2
people_subsets = st.frozensets(st.sampled_from(range(PEOPLE)))
events = st.lists(
    st.fixed_dictionaries(
        {
            "access": st.sampled_from(["public", "internal", "restricted"]),
            "groups": st.frozensets(st.sampled_from(range(GROUPS))),
            "users": people_subsets,
            "participants": people_subsets,
            "live": st.booleans(),
        }
    ),
    max_size=5,
)
memberships = st.lists(
    st.frozensets(st.sampled_from(range(GROUPS))), min_size=PEOPLE, max_size=PEOPLE
)


def may_see(event, person, groups_of):
    if not event["live"]:
        return False
    if person is None:
        return event["access"] == "public"
    if event["access"] != "restricted":
        return True
    return person in event["users"] or bool(event["groups"] & groups_of[person])


def titles_in(html, count):
    return {number for number in range(count) if f"Sự kiện số {number}<" in html}


def titles_in_feed(body):
    return {
        int(str(entry["SUMMARY"]).removeprefix("Sự kiện số "))
        for entry in Calendar.from_ical(body).walk("VEVENT")
    }


@pytest.mark.django_db
def test_each_surface_shows_exactly_the_events_each_person_may_see(
    client, time_machine
):
    time_machine.move_to(
        datetime(2026, 12, 2, 9, 0, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")), tick=False
    )
    groups = [Group.objects.create(name=f"Nhóm {number}") for number in range(GROUPS)]
    people = [UserFactory(role="staff") for _ in range(PEOPLE)]

    @settings(
        max_examples=25,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture],
    )
    @given(events, memberships)
    def shows_what_each_may_see(generated, groups_of):
        for cache in caches.all():  # pages kept by an earlier, rolled-back example
            cache.clear()
        with transaction.atomic():
            for person, member_of in zip(people, groups_of, strict=True):
                person.groups.set([groups[index] for index in member_of])
            for number, event in enumerate(generated):
                made = EventFactory(
                    title=f"Sự kiện số {number}",
                    date=date(2026, 12, 2),
                    access=event["access"],
                    live=event["live"],
                    participants=[people[index] for index in event["participants"]],
                )
                for index in event["groups"]:
                    assign_perm("schedule.view_event", groups[index], made)
                for index in event["users"]:
                    assign_perm("schedule.view_event", people[index], made)

            client.logout()
            public = {
                number
                for number, event in enumerate(generated)
                if may_see(event, None, groups_of)
            }
            html = client.get("/lich-cong-tac/").content.decode()
            assert titles_in(html, len(generated)) == public
            feed = client.get("/lich-cong-tac/lich.ics").content
            assert titles_in_feed(feed) == public
            for index, person in enumerate(people):
                visible = {
                    number
                    for number, event in enumerate(generated)
                    if may_see(event, index, groups_of)
                }
                client.force_login(person)
                html = client.get("/lich-cong-tac/noi-bo/").content.decode()
                assert titles_in(html, len(generated)) == visible
                token = FeedToken.for_user(person).token
                feed = client.get(f"/lich-cong-tac/ca-nhan/{token}.ics").content
                assert titles_in_feed(feed) == {
                    number
                    for number in visible
                    if index in generated[number]["participants"]
                }
            transaction.set_rollback(True)

    shows_what_each_may_see()
