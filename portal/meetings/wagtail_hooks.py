from wagtail import hooks

from portal.meetings.viewsets import MeetingsViewSetGroup


@hooks.register("register_admin_viewset")
def register_meetings_viewsets():
    return MeetingsViewSetGroup()
