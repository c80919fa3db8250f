"""send_alerts: tell each saved search's user of the new items it finds.

"New" means published since the search was saved, within the last
``LOOKBACK`` (an item the engine indexed late is still caught by the next run),
and not sent before for this search. The search runs through the portal's
search backend as the user, so an alert holds exactly what the search page
would show them at sending time: an item restricted since it was published is
not sent.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Page

from portal.alerts.models import SavedSearch, SentItem
from portal.alerts.searching import run_search
from search.registry import searchable_for, searchable_models

logger = logging.getLogger(__name__)

LOOKBACK = timedelta(days=7)
PER_PAGE = 100
MAX_PAGES = 20  # an alert lists the newest items; a flood past this waits


def published_since(since):
    """Every searchable item first published since ``since``:
    ``{(label, pk): (date, first published at)}``.

    The date is the one search sorts and filters by (an issue date, a
    publication date): it narrows each search to where new items can be.
    """
    found = {}
    for model in searchable_models():
        if not hasattr(model, "first_published_at"):
            continue  # a kind with no publication time has nothing "new" to tell
        queryset = model._default_manager.filter(first_published_at__gte=since)
        if issubclass(model, Page):
            queryset = queryset.exact_type(model)  # each page under its own kind
        date_of = searchable_for(model).date
        for item in queryset.iterator():
            found[(model._meta.label, str(item.pk))] = (
                _as_date(date_of(item)),
                item.first_published_at,
            )
    return found


def _as_date(value):
    if value is None:
        return None
    return timezone.localdate(value) if hasattr(value, "hour") else value


def new_hits(saved_search, fresh, now):
    """The hits of ``saved_search`` to send now, newest first."""
    since = max(saved_search.created_at, now - LOOKBACK)
    candidates = {
        key: date for key, (date, published) in fresh.items() if published >= since
    }
    if not candidates:
        return []
    dates = [date for date in candidates.values() if date is not None]
    earliest = min(dates) if len(dates) == len(candidates) else None
    sent = set(saved_search.sent_items.values_list("item_label", "item_pk"))
    hits = []
    for page in range(1, MAX_PAGES + 1):
        results = run_search(
            saved_search.query,
            saved_search.user,
            page=page,
            per_page=PER_PAGE,
            date_from=earliest,
        )
        if results.relaxed:  # items with only some of the words do not match
            break
        for hit in results.hits:
            key = (hit.item._meta.label, str(hit.item.pk))
            if key in candidates and key not in sent:
                hits.append((key, hit))
        if not results.has_next:
            break
    return hits


def send_alerts(now=None):
    """Send every saved search's new items once. Returns the number of alerts
    sent (an e-mail or an intranet notice per saved search with new items)."""
    now = now or timezone.now()
    fresh = published_since(now - LOOKBACK)
    sent = 0
    searches = SavedSearch.objects.filter(user__is_active=True).select_related("user")
    with translation.override(settings.LANGUAGE_CODE):
        for saved_search in searches.iterator():
            try:
                sent += _alert(saved_search, fresh, now)
            except Exception:  # the engine may be down: the next run tries again
                logger.exception("alert for saved search %s failed", saved_search.pk)
    return sent


def _alert(saved_search, fresh, now):
    email = saved_search.channel == SavedSearch.Channel.EMAIL
    if email and not saved_search.user.email:
        return 0
    hits = new_hits(saved_search, fresh, now)
    if not hits:
        return 0
    try:
        # Recorded and mailed together: a failed mail is sent again next run,
        # and a concurrent run that recorded them first wins.
        with transaction.atomic():
            SentItem.objects.bulk_create(
                SentItem(
                    saved_search=saved_search,
                    item_label=label,
                    item_pk=pk,
                    sent_at=now,
                    read_at=now if email else None,
                )
                for (label, pk), _hit in hits
            )
            if email:
                _mail(saved_search, [hit for _key, hit in hits])
    except IntegrityError:
        return 0
    return 1


def _mail(saved_search, hits):
    base = settings.WAGTAILADMIN_BASE_URL
    body = render_to_string(
        "alerts/alert_email.txt",
        {
            "saved_search": saved_search,
            "hits": hits,
            "base_url": base,
            "manage_url": base + reverse("alerts:list"),
        },
    )
    subject = _("[Saved search] New items for “%(name)s”") % {"name": saved_search.name}
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [saved_search.user.email])
