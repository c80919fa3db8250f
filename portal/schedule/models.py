"""The weekly work schedule (lịch công tác tuần): its events and feed tokens."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    WorkflowMixin,
)

from portal.access.models import AccessControlled, AccessControlledQuerySet
from portal.followup.models import Unit
from portal.schedule.admin_forms import EventAdminForm


def week_start(day):
    """The Monday of the week holding ``day``."""
    return day - timedelta(days=day.weekday())


class ParticipatingUnit(Unit):
    """A unit as an event's participant. modelcluster sorts an unsaved choice of
    units in Python by the model's ordering, which cannot read Unit's collation
    expression: this proxy orders them by name instead."""

    class Meta:
        proxy = True
        ordering = ["name"]
        verbose_name = _("participating unit")
        verbose_name_plural = _("participating units")


class EventQuerySet(AccessControlledQuerySet):
    def visible_to(self, user):
        """What a reader may see in the schedule: published and shared with them."""
        return super().visible_to(user).filter(live=True)

    def in_week(self, monday):
        return self.filter(date__gte=monday, date__lt=monday + timedelta(days=7))

    def involving(self, user):
        """Events the user takes part in: as chair, in person, or through a unit."""
        if not user.is_authenticated:
            return self.none()
        units = Unit.objects.of_member(user)
        return self.filter(
            Q(chair=user) | Q(participants=user) | Q(participant_units__in=units)
        ).distinct()

    def overlapping(self, event):
        """Other events on the event's day whose times overlap its own."""
        return self.filter(
            date=event.date,
            start_time__lt=event.end_time,
            end_time__gt=event.start_time,
        ).exclude(pk=event.pk)


class Event(
    AccessControlled,
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    ClusterableModel,
):
    """An entry of the weekly work schedule: who meets where, when, about what.

    Access works as for documents (public, internal, restricted and shared);
    editors draft and approvers publish through the portal's workflow.
    """

    title = models.TextField(_("content"), help_text=_("What the event is about"))
    date = models.DateField(_("date"), db_index=True)
    start_time = models.TimeField(_("start time"))
    end_time = models.TimeField(_("end time"))
    place = models.CharField(_("place"), max_length=255, blank=True)
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("chaired by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="chaired_events",
    )
    participant_units = ParentalManyToManyField(
        ParticipatingUnit,
        verbose_name=_("participating units"),
        blank=True,
        related_name="events",
    )
    participants = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("participants"),
        blank=True,
        related_name="events",
    )
    preparing_unit = models.ForeignKey(
        Unit,
        verbose_name=_("preparing unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="prepared_events",
    )
    notes = models.TextField(_("notes"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = EventQuerySet.as_manager()

    base_form_class = EventAdminForm
    panels = [
        FieldPanel("title"),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("date"),
                        FieldPanel("start_time"),
                        FieldPanel("end_time"),
                    ]
                ),
                FieldPanel("place"),
            ],
            heading=_("Time and place"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("chair"),
                FieldPanel("participant_units"),
                FieldPanel("participants"),
                FieldPanel("preparing_unit"),
            ],
            heading=_("Who takes part"),
        ),
        FieldPanel("notes"),
        FieldPanel("access"),
    ]

    class Meta:
        verbose_name = _("schedule event")
        verbose_name_plural = _("schedule events")
        ordering = ["date", "start_time", "pk"]

    def __str__(self):
        return f"{self.date:%d/%m/%Y} {self.start_time:%H:%M} — {self.title[:80]}"

    def clean(self):
        super().clean()
        if self.start_time and self.end_time and self.end_time <= self.start_time:
            raise ValidationError(
                {"end_time": _("The end time must be after the start time.")}
            )

    @property
    def week(self):
        return week_start(self.date)

    def attendees(self):
        """Every active staff member who takes part: chair, participants and the
        members of the participating units."""
        from django.contrib.auth import get_user_model

        return (
            get_user_model()
            .objects.filter(
                Q(pk=self.chair_id)
                | Q(events=self)
                | Q(unit_memberships__unit__in=self.participant_units.all()),
                is_active=True,
            )
            .distinct()
        )

    def people(self):
        """Who is booked: the chair and the participants (unsaved choices too)."""
        people = list(self.participants.all())
        if self.chair_id and self.chair not in people:
            people.append(self.chair)
        return people

    def conflicts(self):
        """Other events at overlapping times on the same day that book one of
        this event's people or units: (event, shared people, shared units)."""
        people = self.people()
        units = list(self.participant_units.all())
        if not people and not units:
            return []
        others = (
            Event.objects.overlapping(self)
            .filter(
                Q(chair__in=people)
                | Q(participants__in=people)
                | Q(participant_units__in=units)
            )
            .distinct()
            .select_related("chair")
            .prefetch_related("participants", "participant_units")
        )
        return [
            (
                other,
                [person for person in people if person in other.people()],
                [unit for unit in units if unit in other.participant_units.all()],
            )
            for other in others
        ]


class FeedToken(models.Model):
    """The secret in a staff member's personal calendar feed address.

    Renewing it replaces the secret, so the old address stops working."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("staff member"),
        on_delete=models.CASCADE,
        related_name="schedule_feed_token",
    )
    token = models.CharField(_("token"), max_length=64, unique=True)
    created_at = models.DateTimeField(_("created at"), auto_now=True)

    class Meta:
        verbose_name = _("calendar feed token")
        verbose_name_plural = _("calendar feed tokens")

    def __str__(self):
        return str(self.user)

    @classmethod
    def for_user(cls, user):
        token, _created = cls.objects.get_or_create(
            user=user, defaults={"token": secrets.token_urlsafe(32)}
        )
        return token

    def renew(self):
        self.token = secrets.token_urlsafe(32)
        self.save(update_fields=["token", "created_at"])


class Reminder(models.Model):
    """A reminder sent to a participant the day before an event, by mail and as
    an intranet notification; one per event, person and event date."""

    event = models.ForeignKey(
        Event,
        verbose_name=_("schedule event"),
        on_delete=models.CASCADE,
        related_name="reminders",
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="schedule_reminders",
    )
    event_date = models.DateField(_("event date"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        verbose_name = _("event reminder")
        verbose_name_plural = _("event reminders")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "recipient", "event_date"],
                name="one_event_reminder_per_person_and_date",
            )
        ]

    def __str__(self):
        return f"{self.recipient} — {self.event}"
