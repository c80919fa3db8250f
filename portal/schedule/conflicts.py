"""The warning shown when an event double-books a person or a unit."""

from django.utils.translation import gettext as _

from portal.schedule.models import Event


def person_name(user):
    return user.get_full_name() or user.get_username()


def conflict_warnings(event, user):
    """One message per other event that books the same people or units at an
    overlapping time, leaving out events the user may not see."""
    conflicts = event.conflicts()
    visible = set(
        Event.objects.filter(
            Event.visible_to_q(user), pk__in=[other.pk for other, *_ in conflicts]
        ).values_list("pk", flat=True)
    )
    return [
        _(
            "Schedule conflict: %(names)s also take part in “%(title)s” "
            "on %(date)s from %(start)s to %(end)s."
        )
        % {
            "names": ", ".join(
                [person_name(person) for person in people]
                + [unit.name for unit in units]
            ),
            "title": other.title,
            "date": f"{other.date:%d/%m/%Y}",
            "start": f"{other.start_time:%H:%M}",
            "end": f"{other.end_time:%H:%M}",
        }
        for other, people, units in conflicts
        if other.pk in visible
    ]
