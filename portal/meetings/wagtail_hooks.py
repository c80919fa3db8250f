from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.admin import messages

from portal.meetings.models import Meeting
from portal.meetings.viewsets import MeetingsViewSetGroup
from portal.schedule.models import Event


@hooks.register("register_admin_viewset")
def register_meetings_viewsets():
    return MeetingsViewSetGroup()


@hooks.register("before_delete_snippet")
def keep_the_schedule_entries_of_meetings(request, instances):
    """A schedule entry held as a meeting keeps the meeting's records (minutes,
    documents, tasks); Wagtail's usage check does not see a one-to-one link."""
    held = Meeting.objects.filter(
        event__in=[item for item in instances if isinstance(item, Event)]
    ).select_related("event")
    if not held:
        return None
    for meeting in held:
        messages.error(
            request,
            _(
                "“%(title)s” is held as a meeting with its own records: it cannot be deleted."
            )
            % {"title": meeting.event.title},
        )
    return redirect(Event.snippet_viewset.get_url_name("list"))
