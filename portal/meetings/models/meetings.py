from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from portal.access.sharing import share
from portal.schedule.models import Event


class MeetingQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Meetings whose schedule entry the user may see, and those they are
        invited to or organise. The intranet is for staff: nobody else sees any."""
        if not user.is_authenticated:
            return self.none()
        Attendance = self.model._meta.get_field("attendances").related_model
        return self.filter(
            Q(event__in=Event.objects.visible_to(user))
            | Q(pk__in=Attendance.objects.filter(user=user).values("meeting_id"))
            | Q(organiser=user)
        )

    def held_in(self, year, today):
        """The meetings of a published schedule in ``year``, up to ``today``."""
        return self.filter(
            event__live=True, event__date__year=year, event__date__lte=today
        )


class Meeting(ClusterableModel):
    """A meeting or an online conference (hội nghị trực tuyến).

    Its agenda, its bridge points, who attends, its documents, minutes and
    conclusion live here; tasks assigned from the conclusion are follow-up
    tasks (see ``ConclusionTask``).
    """

    event = models.OneToOneField(
        "schedule.Event",
        verbose_name=_("schedule event"),
        on_delete=models.PROTECT,
        related_name="meeting",
        help_text=_(
            "The entry of the work schedule that gives the meeting's date, time, "
            "place, chair and participants."
        ),
    )
    online = models.BooleanField(
        _("online conference"),
        default=False,
        help_text=_("Held online, with bridge points in several places."),
    )
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("organiser"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organised_meetings",
        help_text=_("Sees who confirmed attendance and adds the documents."),
    )
    minutes = models.TextField(_("minutes"), blank=True)
    conclusion = models.TextField(_("conclusion"), blank=True)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self):
        return self.event.title

    @staticmethod
    def check_bridge_points(online, bridge_points):
        """Bridge points belong to online conferences only."""
        if bridge_points and not online:
            raise ValidationError(
                _("Only an online conference has bridge points."),
                code="bridge_points_offline",
            )

    @transaction.atomic
    def sync_participants(self, by_user=None):
        """Invite exactly the event's attendees (its chair, the people named and
        the members of the participating units), keeping the answers of those
        still invited, and share the restricted documents with them."""
        Attendance = self.attendances.model
        invited = set(self.event.attendees().values_list("pk", flat=True))
        self.attendances.exclude(user_id__in=invited).delete()
        Attendance.objects.bulk_create(
            [Attendance(meeting=self, user_id=pk) for pk in invited],
            ignore_conflicts=True,
        )
        self.share_documents(by_user)

    def may_be_managed_by(self, user):
        """The organiser and the office (who may change meetings) manage it:
        they see the attendance list and add documents."""
        return user.is_authenticated and (
            user.pk == self.organiser_id or user.has_perm("meetings.change_meeting")
        )

    @transaction.atomic
    def add_document(self, document, by_user):
        """Store a document of the meeting, shared with its participants."""
        document.meeting = self
        document.save()
        self.share_documents(by_user)
        return document

    def share_documents(self, by_user=None):
        """Share the meeting's documents with exactly its participants and
        organiser, through the portal's sharing: what a restricted one needs,
        and ready for one made restricted later."""
        users = get_user_model().objects.filter(
            Q(pk__in=self.attendances.values("user_id")) | Q(pk=self.organiser_id)
        )
        for document in self.documents.all():
            share(document, [], users, by_user)


class AgendaItem(Orderable):
    """One item of a meeting's agenda (chương trình)."""

    meeting = ParentalKey(
        Meeting,
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="agenda_items",
    )
    title = models.CharField(_("agenda item"), max_length=500)
    presenter = models.CharField(_("presented by"), max_length=255, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self):
        return self.title


class BridgePoint(Orderable):
    """A bridge point (điểm cầu) of an online conference: a room somewhere,
    hosted by a unit, where a number of people follow it."""

    meeting = ParentalKey(
        Meeting,
        verbose_name=_("meeting"),
        on_delete=models.CASCADE,
        related_name="bridge_points",
    )
    place = models.CharField(_("place"), max_length=255)
    host_unit = models.ForeignKey(
        "followup.Unit",
        verbose_name=_("host unit"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    participant_count = models.PositiveIntegerField(_("number of participants"))

    class Meta(Orderable.Meta):
        verbose_name = _("bridge point")
        verbose_name_plural = _("bridge points")

    def __str__(self):
        return self.place
