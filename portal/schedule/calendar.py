"""Calendar feeds (RFC 5545) of the schedule's events."""

from datetime import UTC, datetime

from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from portal.access.models import AccessLevel

# How a calendar client should treat each access level (RFC 5545 CLASS).
CLASSIFICATION = {
    AccessLevel.PUBLIC: "PUBLIC",
    AccessLevel.INTERNAL: "PRIVATE",
    AccessLevel.RESTRICTED: "CONFIDENTIAL",
}


def in_utc(day, time):
    local = timezone.make_aware(datetime.combine(day, time))
    return local.astimezone(UTC)


def description(event):
    lines = []
    if event.chair_id:
        lines.append(_("Chair: %s") % (event.chair.get_full_name() or event.chair))
    people = [
        person.get_full_name() or str(person) for person in event.participants.all()
    ]
    units = [unit.name for unit in event.participant_units.all()]
    if people or units:
        lines.append(_("Participants: %s") % ", ".join(people + units))
    if event.preparing_unit_id:
        lines.append(_("Prepared by: %s") % event.preparing_unit.name)
    if event.notes:
        lines.append(event.notes)
    return "\n".join(lines)


def calendar_for(events, name, domain):
    """An iCalendar document of the events, times in UTC."""
    calendar = Calendar()
    calendar.add("prodid", "-//Cổng thông tin Văn phòng Đảng ủy//Lịch công tác//VI")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    for event in events:
        entry = CalendarEvent()
        entry.add("uid", f"event-{event.pk}@{domain}")
        entry.add("dtstamp", event.updated_at.astimezone(UTC))
        entry.add("dtstart", in_utc(event.date, event.start_time))
        entry.add("dtend", in_utc(event.date, event.end_time))
        entry.add("summary", event.title)
        if event.place:
            entry.add("location", event.place)
        text = description(event)
        if text:
            entry.add("description", text)
        entry.add("class", CLASSIFICATION[event.access])
        calendar.add_component(entry)
    return calendar.to_ical()
