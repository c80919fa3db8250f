import pytest
from django.core.management import call_command

from portal.alerts.models import SavedSearch, SentItem


@pytest.mark.django_db
def test_load_demo_saves_searches_whose_alerts_bring_new_documents_once(capsys):
    call_command("load_demo")
    sent = SentItem.objects.count()
    call_command("load_demo")

    assert SavedSearch.objects.filter(user__username="canbo").count() == 2
    assert sent > 0
    assert SentItem.objects.count() == sent
    assert "2 saved searches with their alerts" in capsys.readouterr().out
