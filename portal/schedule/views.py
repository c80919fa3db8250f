from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import AnonymousUser
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.core.cache import keep_for_query
from portal.schedule.calendar import calendar_for
from portal.schedule.forms import WeekForm
from portal.schedule.models import Event, FeedToken, Reminder

# How far back a feed reaches; everything ahead is included.
FEED_PAST_DAYS = 60


def week_context(request, user):
    form = WeekForm(request.GET, timezone.localdate())
    monday = form.monday()
    events = list(
        Event.objects.visible_to(user)
        .in_week(monday)
        .select_related("chair", "preparing_unit")
        .prefetch_related("participants", "participant_units")
    )
    days = [monday + timedelta(days=offset) for offset in range(7)]
    return {
        "errors": form.error_list(),
        "monday": monday,
        "sunday": days[-1],
        "previous_week": monday - timedelta(days=7),
        "next_week": monday + timedelta(days=7),
        "days": [
            (day, [event for event in events if event.date == day]) for day in days
        ],
        "today": timezone.localdate(),
    }


def week(request, printable=False):
    """The public part of the week's schedule."""
    context = week_context(request, AnonymousUser())
    template = "schedule/week_print.html" if printable else "schedule/week.html"
    return keep_for_query(TemplateResponse(request, template, context), "tuan")


@login_required
def intranet_week(request, printable=False):
    """The week's schedule as a staff member may see it, with their feed."""
    context = week_context(request, request.user)
    context["intranet"] = True
    if printable:
        return TemplateResponse(request, "schedule/week_print.html", context)
    context["feed_token"] = FeedToken.for_user(request.user)
    context["reminders"] = upcoming_reminders(request.user)
    return TemplateResponse(request, "schedule/week.html", context)


def upcoming_reminders(user):
    """The user's reminders of events still ahead (the unread ones are marked
    read once shown), of events they may still see."""
    reminders = list(
        Reminder.objects.filter(
            recipient=user,
            event_date__gte=timezone.localdate(),
            event__in=Event.objects.visible_to(user),
        ).select_related("event")
    )
    Reminder.objects.filter(
        pk__in=[reminder.pk for reminder in reminders], read_at__isnull=True
    ).update(read_at=timezone.now())
    return reminders


@login_required
@require_POST
def renew_feed(request):
    """A new secret address for the personal feed; the old one stops working."""
    FeedToken.for_user(request.user).renew()
    messages.success(
        request, _("Your calendar address was renewed; the old one no longer works.")
    )
    return redirect("schedule:intranet")


def feed_events(events):
    since = timezone.localdate() - timedelta(days=FEED_PAST_DAYS)
    return (
        events.filter(date__gte=since)
        .select_related("chair", "preparing_unit")
        .prefetch_related("participants", "participant_units")
    )


def calendar_response(request, events, name):
    body = calendar_for(feed_events(events), name, request.get_host())
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="lich-cong-tac.ics"'
    return response


def public_feed(request):
    events = Event.objects.visible_to(AnonymousUser())
    return calendar_response(request, events, _("Weekly work schedule"))


def personal_feed(request, token):
    """A staff member's events, by the secret in the address: no login, since
    calendar programs cannot log in. A wrong or renewed token answers 404."""
    owner = (
        FeedToken.objects.filter(token=token, user__is_active=True)
        .select_related("user")
        .first()
    )
    if owner is None:
        raise Http404
    user = owner.user
    events = Event.objects.visible_to(user).involving(user)
    response = calendar_response(request, events, _("My work schedule"))
    response["Cache-Control"] = "private, no-store"
    return response
