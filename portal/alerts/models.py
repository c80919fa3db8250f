from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class SavedSearch(models.Model):
    """A search a user keeps, to be told of new items it finds (tìm kiếm đã lưu).

    ``query`` is the search page's query string as ``portal.alerts.searching``
    writes it: the words and the valid filters, nothing else.
    """

    class Channel(models.TextChoices):
        EMAIL = "email", _("By e-mail")
        INTRANET = "intranet", _("On the intranet")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="saved_searches",
    )
    name = models.CharField(_("name"), max_length=200)
    query = models.CharField(_("search"), max_length=2000)
    channel = models.CharField(
        _("alerts"),
        max_length=16,
        choices=Channel.choices,
        default=Channel.INTRANET,
    )
    created_at = models.DateTimeField(_("saved at"), auto_now_add=True)

    class Meta:
        verbose_name = _("saved search")
        verbose_name_plural = _("saved searches")
        ordering = ["-created_at", "-pk"]

    # Each one is searched at every run of send_alerts.
    LIMIT_PER_USER = 20

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        if (
            self._state.adding
            and self.user_id
            and SavedSearch.objects.filter(user_id=self.user_id).count()
            >= self.LIMIT_PER_USER
        ):
            raise ValidationError(
                _(
                    "You already keep %(limit)d saved searches: delete one before "
                    "saving another."
                )
                % {"limit": self.LIMIT_PER_USER}
            )


class SentItemQuerySet(models.QuerySet):
    def unread_by(self, user):
        return self.filter(saved_search__user=user, read_at__isnull=True)


class SentItem(models.Model):
    """An item a saved search has told its user of: never told twice.

    For intranet alerts it is also the notification, read or not.
    """

    saved_search = models.ForeignKey(
        SavedSearch,
        verbose_name=_("saved search"),
        on_delete=models.CASCADE,
        related_name="sent_items",
    )
    item_label = models.CharField(_("kind of item"), max_length=100)
    item_pk = models.CharField(_("item"), max_length=64)
    sent_at = models.DateTimeField(_("sent at"))
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    objects = SentItemQuerySet.as_manager()

    class Meta:
        verbose_name = _("item sent")
        verbose_name_plural = _("items sent")
        ordering = ["-sent_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["saved_search", "item_label", "item_pk"],
                name="each_item_sent_once_per_saved_search",
            )
        ]

    def __str__(self):
        return f"{self.saved_search}: {self.item_label} {self.item_pk}"

    @property
    def key(self):
        return (self.item_label, self.item_pk)
