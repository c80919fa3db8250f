"""Urging: mail the members of the responsible units before and after deadlines."""

from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from portal.followup.models import Notification, Reminder, Task


def tasks_to_remind(today, days):
    """Open tasks due within ``days`` of ``today``, and the overdue ones."""
    return (
        Task.objects.open()
        .filter(deadline__lte=today + timedelta(days=days))
        .select_related("lead_unit", "source_document")
        .prefetch_related("coordinating_units")
    )


def send_reminders(today, days=None):
    """Send today's reminders once: a unit reminded of a task today is skipped.

    Returns the number of (task, unit) reminders sent.
    """
    days = settings.FOLLOWUP_REMINDER_DAYS if days is None else days
    sent = 0
    with translation.override(settings.LANGUAGE_CODE):
        for task in tasks_to_remind(today, days):
            overdue = task.deadline < today
            kind = Reminder.Kind.OVERDUE if overdue else Reminder.Kind.DUE_SOON
            for unit in task.units():
                sent += _remind(task, unit, kind, today)
    return sent


def _remind(task, unit, kind, today):
    members = [m.user for m in unit.memberships.select_related("user") if m.user.email]
    emails = [member.email for member in members]
    try:
        with transaction.atomic():
            Reminder.objects.create(
                task=task, unit=unit, kind=kind, sent_on=today, recipients=len(emails)
            )
            Notification.objects.notify(task, kind, units=[unit])
            send_mass_mail(_messages(task, unit, kind, members))
    except IntegrityError:
        return 0  # already reminded today
    return 1


def _messages(task, unit, kind, members):
    overdue = kind == Reminder.Kind.OVERDUE
    subject = (
        _("[Follow-up] Task overdue")
        if overdue
        else _("[Follow-up] Deadline approaching")
    )
    url = settings.WAGTAILADMIN_BASE_URL + reverse("followup:task", args=[task.pk])
    source = task.source_document
    return [
        (
            subject,
            render_to_string(
                "followup/reminder_email.txt",
                {
                    "task": task,
                    "unit": unit,
                    "overdue": overdue,
                    "url": url,
                    # its symbol only to those who may see the source document
                    "source_visible": source and source.is_visible_to(member),
                },
            ),
            settings.DEFAULT_FROM_EMAIL,
            [member.email],
        )
        for member in members
    ]
