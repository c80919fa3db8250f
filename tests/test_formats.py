from datetime import datetime
from zoneinfo import ZoneInfo

from django.template import Context, Template
from django.utils import timezone, translation


def render(template, **context):
    return Template(template).render(Context(context))


def test_date_times_are_shown_as_vietnamese_news_sites_show_them():
    published = datetime(2023, 1, 25, 1, 37, tzinfo=ZoneInfo("UTC"))
    with translation.override("vi"), timezone.override("Asia/Ho_Chi_Minh"):
        assert render("{{ when }}", when=published) == "08:37 25/01/2023"
        assert render("{{ when|date }}", when=published) == "25/01/2023"
