"""The intranet's notifications: the badge counts what is listed, a page lists
them all with paging, and each one (or all) can be marked read."""

from django.urls import reverse

from portal.access.factories import PASSWORD, UserFactory
from portal.followup.factories import TaskFactory, UnitFactory, member_of
from portal.followup.models import Notification

LONG_TASK = (
    "Chủ trì, phối hợp với các ban, đơn vị liên quan xây dựng kế hoạch tổ chức "
    "hội nghị sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội Đảng bộ thành phố "
    "và báo cáo kết quả về Thường trực Thành ủy trước ngày làm việc cuối cùng"
)


def notify(member_unit, count, content="Việc được giao"):
    """``count`` tasks for the unit, each notified to its members."""
    return [
        Notification.objects.notify(
            TaskFactory(lead_unit=member_unit, content=f"{content} số {n}"),
            Notification.Kind.ASSIGNED,
        )[0]
        for n in range(count)
    ]


def test_the_badge_counts_exactly_the_unread_notifications_listed(client, db):
    unit = UnitFactory()
    member = member_of(unit)
    read, *unread = notify(unit, 6)
    Notification.objects.filter(pk=read.pk).mark_read()
    client.force_login(member)

    response = client.get(reverse("followup:intranet"))

    listed = list(response.context["notifications"])
    assert response.context["unread"] == 5
    assert sorted(n.pk for n in listed) == sorted(n.pk for n in unread)
    assert 'href="/noi-bo/thong-bao/"' in response.content.decode()


def test_the_notifications_page_lists_every_notification_in_pages_of_twenty(client, db):
    unit = UnitFactory()
    member = member_of(unit)
    notify(unit, 23)
    other = UnitFactory()
    member_of(other)
    notify(other, 2, content="Việc của đơn vị khác")
    client.force_login(member)

    first = client.get("/noi-bo/thong-bao/")
    second = client.get("/noi-bo/thong-bao/", {"page": 2})

    assert first.status_code == 200
    assert len(first.context["results"]) == 20
    assert len(second.context["results"]) == 3
    assert first.context["unread"] == 23
    assert "Việc của đơn vị khác" not in first.content.decode()
    assert "Việc của đơn vị khác" not in second.content.decode()
    assert 'rel="next" href="?page=2"' in first.content.decode()


def test_a_notification_is_marked_read_without_leaving_the_list(client, db):
    unit = UnitFactory()
    member = member_of(unit)
    first, second = notify(unit, 2)
    client.force_login(member)

    response = client.post(
        reverse("followup:notification_read", args=[first.pk]), {"page": "1"}
    )

    assert response.status_code == 302
    assert response.url == "/noi-bo/thong-bao/?page=1"
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.read_at is not None
    assert second.read_at is None


def test_all_notifications_are_marked_read_at_once(client, db):
    unit = UnitFactory()
    member = member_of(unit)
    notify(unit, 3)
    other = UnitFactory()
    member_of(other)
    others = notify(other, 1)
    client.force_login(member)

    client.post(reverse("followup:notifications_read"))

    assert Notification.objects.filter(recipient=member).unread().count() == 0
    assert Notification.objects.filter(pk=others[0].pk).unread().exists()
    assert client.get(reverse("followup:intranet")).context["unread"] == 0


def test_nobody_marks_another_persons_notification(client, db):
    unit = UnitFactory()
    member_of(unit)
    theirs = notify(unit, 1)[0]
    client.force_login(member_of(UnitFactory()))

    response = client.post(reverse("followup:notification_read", args=[theirs.pk]))

    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_marking_read_needs_a_post_and_a_signed_in_user(client, db):
    assert client.get("/noi-bo/thong-bao/").status_code == 302
    assert client.post(reverse("followup:notifications_read")).status_code == 302
    client.force_login(member_of(UnitFactory()))
    assert client.get(reverse("followup:notifications_read")).status_code == 405


def test_long_tasks_are_cut_at_a_word_with_an_ellipsis(client, db):
    unit = UnitFactory()
    member = member_of(unit)
    Notification.objects.notify(
        TaskFactory(lead_unit=unit, content=LONG_TASK), Notification.Kind.ASSIGNED
    )
    client.force_login(member)

    for url in ("/noi-bo/", "/noi-bo/thong-bao/"):
        html = client.get(url).content.decode()
        shown = LONG_TASK.split()[:25]
        assert " ".join(shown) + " …" in html, url
        assert LONG_TASK not in html


def test_signed_in_staff_have_the_intranet_in_the_main_navigation(client, home_page):
    from portal.news.factories import make_section

    section = make_section(home_page)
    section.show_in_menus = True
    section.save()

    anonymous = client.get("/").content.decode()
    client.force_login(UserFactory(role="staff"))
    staff = client.get("/").content.decode()

    nav = staff[staff.index('class="main-nav"') :]
    nav = nav[: nav.index("</nav>")]
    assert 'href="/noi-bo/"' in nav and "Nội bộ" in nav
    assert 'href="/noi-bo/"' not in anonymous


def test_staff_land_on_the_intranet_after_signing_in(client, home_page):
    user = UserFactory(role="staff")

    response = client.post("/login/", {"username": user.username, "password": PASSWORD})

    assert response.status_code == 302
    assert response.url == "/noi-bo/"


def test_signing_in_to_the_admin_still_leads_to_the_admin(client, home_page):
    user = UserFactory(role="editor")

    response = client.post(
        "/admin/login/", {"username": user.username, "password": PASSWORD}
    )

    assert response.status_code == 302
    assert response.url == "/admin/"
