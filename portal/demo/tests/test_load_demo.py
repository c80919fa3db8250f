import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.utils import timezone
from wagtail.models import Site

from home.models import HomePage, OfficeInformation
from portal.demo.accounts import DEMO_ACCOUNTS, DEMO_PASSWORD
from portal.documents.models import IssuingBody
from portal.followup.models import Bucket, ExtensionRequest, Task, Unit
from portal.news.models import ArticlePage


def test_load_demo_creates_the_home_page_and_one_account_per_role(db, capsys, settings):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8765"

    call_command("load_demo")

    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    # The site answers at the address the demo serves, for the sitemap and links.
    assert (site.hostname, site.port) == ("127.0.0.1", 8765)
    office = OfficeInformation.for_site(site)
    assert office.address and office.phone and office.email
    assert office.responsible.startswith("Đồng chí")
    # Articles' addresses are made from their titles, in ASCII.
    article = ArticlePage.objects.get(title="Chữ ký số trong văn bản của cấp ủy")
    assert article.slug == "chu-ky-so-trong-van-ban-cua-cap-uy"
    assert all(
        slug.isascii() for slug in ArticlePage.objects.values_list("slug", flat=True)
    )
    # The print view's header names the body's committee and the place.
    city_office = IssuingBody.objects.get(name="Văn phòng Thành ủy")
    assert (city_office.superior.name, city_office.place) == (
        "Thành ủy Hà Nội",
        "Hà Nội",
    )
    users = get_user_model().objects.filter(
        username__in=[account.username for account in DEMO_ACCOUNTS]
    )
    assert users.count() == 5
    assert all(user.check_password(DEMO_PASSWORD) for user in users)
    output = capsys.readouterr().out
    assert DEMO_PASSWORD in output
    assert "bientap" in output and "Biên tập viên" in output


def test_load_demo_twice_changes_nothing(db):
    call_command("load_demo")
    call_command("load_demo")

    assert HomePage.objects.count() == 1
    assert Site.objects.count() == 1
    assert get_user_model().objects.filter(username="duyet").count() == 1
    assert get_user_model().objects.get(username="duyet").groups.count() == 1


def test_load_demo_refuses_without_demo_settings(db, settings):
    settings.PORTAL_DEMO_ALLOWED = False

    with pytest.raises(CommandError):
        call_command("load_demo")


def test_load_demo_adds_approved_and_pending_comments_once(db, capsys):
    from portal.comments.models import Comment

    call_command("load_demo")
    call_command("load_demo")

    assert Comment.objects.approved().count() >= 5
    assert Comment.objects.pending().count() >= 2
    assert Comment.objects.count() == 10
    assert "10 comments (2 awaiting moderation)" in capsys.readouterr().out


def test_load_demo_assigns_follow_up_tasks_in_every_bucket_once(db, capsys):
    call_command("load_demo")
    call_command("load_demo")

    counts = Task.objects.bucket_counts(timezone.localdate())
    assert counts["total"] >= 30
    assert all(counts[bucket.value] for bucket in Bucket)
    assert counts["pending_extension"] >= 1
    assert ExtensionRequest.objects.exists()
    assert Unit.objects.filter(name="Ban Tổ chức Thành ủy").exists()
    assert Task.objects.visible_to(
        get_user_model().objects.get(username="canbo")
    ).exists()
    assert f"{counts['total']} follow-up tasks" in capsys.readouterr().out
