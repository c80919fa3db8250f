"""Reminding participants the day before an event, by mail and in the intranet."""

from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from portal.schedule.models import Event, Reminder


def send_event_reminders(today):
    """Remind everyone who takes part in tomorrow's published events, once.

    A person already reminded of an event for its date is skipped, so a second
    run sends nothing; a failed mail rolls its record back and is retried on
    the next run. Returns the number of people reminded."""
    sent = 0
    events = Event.objects.filter(live=True, date=today + timedelta(days=1))
    with translation.override(settings.LANGUAGE_CODE):
        for event in events.select_related("chair"):
            for person in event.attendees():
                # Taking part does not open a restricted event not shared with them.
                if event.is_visible_to(person):
                    sent += _remind(event, person)
    return sent


def _remind(event, person):
    try:
        with transaction.atomic():
            Reminder.objects.create(
                event=event, recipient=person, event_date=event.date
            )
            if person.email:
                send_mail(
                    _("[Schedule] Tomorrow: %s") % event.title[:80],
                    render_to_string(
                        "schedule/reminder_email.txt",
                        {
                            "event": event,
                            "url": settings.WAGTAILADMIN_BASE_URL
                            + reverse("schedule:intranet")
                            + f"?tuan={event.date:%Y-%m-%d}",
                        },
                    ),
                    settings.DEFAULT_FROM_EMAIL,
                    [person.email],
                )
    except IntegrityError:
        return 0  # already reminded
    return 1
