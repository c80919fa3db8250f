from django.contrib.auth import get_user_model

from portal.demo.accounts import load_accounts
from portal.demo.followup import load_units
from portal.demo.meetings import load_meetings
from portal.demo.schedule import load_schedule
from portal.meetings.models import Meeting, MeetingDocument


def test_the_demo_has_two_meetings_this_week_one_online_with_bridge_points(db):
    load_accounts()
    load_units()
    load_schedule()

    assert load_meetings() == (2, 1)
    assert load_meetings() == (2, 1)  # a second run adds nothing

    conference = Meeting.objects.get(online=True)
    assert conference.bridge_points.count() == 3
    assert conference.conclusion_tasks.count() == 1
    assert conference.attendances.filter(user__username="canbo").exists()
    users = get_user_model().objects.in_bulk(field_name="username")
    restricted = MeetingDocument.objects.get(access="restricted")
    assert restricted.is_visible_to(users["bientap"])
    assert not restricted.is_visible_to(users["canbo"])
