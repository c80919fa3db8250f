"""Demo saved searches: the staff account follows two searches on the intranet."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from portal.alerts.models import SavedSearch
from portal.alerts.sending import send_alerts

SEARCHES = [
    ("Nghị quyết về Thủ đô", "q=th%E1%BB%A7+%C4%91%C3%B4&type=NQ"),
    ("Công tác cán bộ", "q=c%C3%A1n+b%E1%BB%99"),
]


def load_alerts():
    """Save the searches as of yesterday and send their alerts (the newly loaded
    documents are new to them). Returns the number of saved searches."""
    user = get_user_model().objects.get(username="canbo")
    for name, query in SEARCHES:
        saved, created = SavedSearch.objects.get_or_create(
            user=user,
            name=name,
            defaults={"query": query, "channel": SavedSearch.Channel.INTRANET},
        )
        if created:
            yesterday = timezone.now() - timedelta(days=1)
            SavedSearch.objects.filter(pk=saved.pk).update(created_at=yesterday)
    send_alerts()
    return len(SEARCHES)
