"""Saved searches and their alerts (send_alerts), on the real search engine."""

import datetime
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from guardian.shortcuts import assign_perm

from portal.access.factories import UserFactory
from portal.alerts.models import SavedSearch, SentItem
from portal.documents.factories import DocumentFactory
from portal.documents.types import DocumentType
from portal.news.factories import make_article, make_section

pytestmark = pytest.mark.django_db

SAVED_AT = timezone.now() - datetime.timedelta(days=1)


def save_search(user, query, channel=SavedSearch.Channel.EMAIL, saved_at=SAVED_AT):
    saved = SavedSearch.objects.create(
        user=user, name="Thủ đô", query=query, channel=channel
    )
    SavedSearch.objects.filter(pk=saved.pk).update(created_at=saved_at)
    return SavedSearch.objects.get(pk=saved.pk)


def publish(symbol, title, access="public", **fields):
    """A document published now, as the admin, the importer and releases do."""
    return DocumentFactory(
        symbol=symbol,
        title=title,
        access=access,
        first_published_at=timezone.now(),
        **fields,
    )


def send_alerts(search_backend):
    search_backend.refresh_indexes()
    out = StringIO()
    call_command("send_alerts", stdout=out)
    return out.getvalue().splitlines()[-1]


def mailed_symbols():
    return [
        line.split()[1]
        for message in mail.outbox
        for line in message.body.splitlines()
        if line.startswith("- ")
    ]


def test_a_new_matching_document_is_mailed_once(archive_page, search_backend):
    user = UserFactory(role="staff", email="an@example.org")
    save_search(user, "q=thu+do&type=NQ")
    publish("15-NQ/TW", "Nghị quyết về phát triển Thủ đô")
    publish("16-NQ/TW", "Nghị quyết về công tác cán bộ")  # other words
    publish("05-CT/TW", "Chỉ thị về Thủ đô", document_type=DocumentType.DIRECTIVE)

    first = send_alerts(search_backend)
    second = send_alerts(search_backend)

    assert first == "alerts sent: 1"
    assert second == "alerts sent: 0"
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["an@example.org"]
    assert "Thủ đô" in mail.outbox[0].subject
    assert mailed_symbols() == ["15-NQ/TW"]
    assert "http://127.0.0.1:8000/van-ban/" in mail.outbox[0].body


def test_an_item_restricted_after_it_was_indexed_is_not_sent(
    archive_page, search_backend
):
    user = UserFactory(role="staff", email="an@example.org")
    save_search(user, "q=thu+do")
    publish("15-NQ/TW", "Nghị quyết về phát triển Thủ đô")
    hidden = publish("16-NQ/TW", "Kết luận về Thủ đô")
    search_backend.refresh_indexes()  # both match, as the index says

    hidden.access = "restricted"
    hidden.save(update_fields=["access"])

    assert send_alerts(search_backend) == "alerts sent: 1"
    assert mailed_symbols() == ["15-NQ/TW"]
    assert not SentItem.objects.filter(item_pk=str(hidden.pk)).exists()


def test_only_what_the_user_may_see_is_sent(archive_page, search_backend):
    shared_with = UserFactory(role="staff", email="chia-se@example.org")
    save_search(shared_with, "q=thu+do")
    save_search(UserFactory(role="staff", email="khac@example.org"), "q=thu+do")
    publish("15-NQ/TW", "Nghị quyết về Thủ đô", access="internal")
    restricted = publish("16-NQ/TW", "Kết luận về Thủ đô", access="restricted")
    assign_perm("documents.view_document", shared_with, restricted)

    assert send_alerts(search_backend) == "alerts sent: 2"
    assert {
        message.to[0]: sorted(
            line.split()[1]
            for line in message.body.splitlines()
            if line.startswith("- ")
        )
        for message in mail.outbox
    } == {
        "chia-se@example.org": ["15-NQ/TW", "16-NQ/TW"],
        "khac@example.org": ["15-NQ/TW"],
    }


def test_items_published_before_the_search_was_saved_are_not_sent(
    archive_page, search_backend
):
    user = UserFactory(role="staff", email="an@example.org")
    publish("15-NQ/TW", "Nghị quyết về Thủ đô")
    save_search(user, "q=thu+do", saved_at=timezone.now())

    assert send_alerts(search_backend) == "alerts sent: 0"
    assert mail.outbox == []


def test_an_item_found_only_by_some_of_the_words_is_not_sent(
    archive_page, search_backend
):
    user = UserFactory(role="staff", email="an@example.org")
    save_search(user, "q=thu+do+bien+dao")
    publish("15-NQ/TW", "Nghị quyết về Thủ đô")

    assert send_alerts(search_backend) == "alerts sent: 0"


def test_intranet_alerts_list_the_new_items_the_user_may_still_see(
    client, home_page, archive_page, search_backend
):
    user = UserFactory(role="staff")
    save_search(user, "q=hoi+nghi", channel=SavedSearch.Channel.INTRANET)
    section = make_section(home_page)
    make_article(section, title="Hội nghị Ban Chấp hành", published_at=timezone.now())
    later_hidden = make_article(section, title="Hội nghị chuyên đề")

    assert send_alerts(search_backend) == "alerts sent: 1"
    assert SentItem.objects.filter(read_at__isnull=True).count() == 2
    later_hidden.access = "restricted"
    later_hidden.save(update_fields=["access"])
    client.force_login(user)
    intranet = client.get("/noi-bo/").content.decode()
    page = client.get("/tim-kiem-da-luu/thong-bao/").content.decode()

    assert mail.outbox == []
    assert "1 nội dung mới từ các tìm kiếm đã lưu" in intranet
    assert "Hội nghị Ban Chấp hành" in page
    assert "Hội nghị chuyên đề" not in page
    assert not SentItem.objects.filter(read_at__isnull=True).exists()


def test_saving_from_the_search_page_keeps_the_words_and_valid_filters(client):
    user = UserFactory(role="staff")
    client.force_login(user)

    response = client.post(
        "/tim-kiem-da-luu/luu/",
        {
            "query": "q=thủ+đô&type=Nghị+quyết&year=năm&page=3&sort=newest",
            "name": "",
            "channel": "email",
        },
    )

    saved = SavedSearch.objects.get(user=user)
    assert response.status_code == 302
    assert saved.query == "q=th%E1%BB%A7+%C4%91%C3%B4&type=NQ"
    assert saved.name == "thủ đô"
    assert saved.channel == "email"


def test_an_empty_search_is_not_saved(client):
    client.force_login(UserFactory(role="staff"))

    response = client.post(
        "/tim-kiem-da-luu/luu/",
        {"query": "page=2", "channel": "email"},
        follow=True,
    )

    assert SavedSearch.objects.count() == 0
    assert "Hãy nhập từ khóa hoặc chọn bộ lọc trước khi lưu." in (
        response.content.decode()
    )


def test_the_search_page_offers_saving_to_signed_in_users_only(
    client, archive_page, search_backend
):
    anonymous = client.get("/search/", {"q": "thu do"}).content.decode()
    client.force_login(UserFactory(role="staff"))
    signed_in = client.get("/search/", {"q": "thu do"}).content.decode()

    assert "Lưu tìm kiếm" not in anonymous
    assert "Lưu tìm kiếm" in signed_in
    assert 'value="q=thu+do"' in signed_in


def test_users_list_and_delete_their_own_saved_searches_only(client):
    user, other = UserFactory(role="staff"), UserFactory(role="staff")
    mine = save_search(user, "q=thu+do&year=2024")
    theirs = save_search(other, "q=ngan+sach")
    client.force_login(user)

    listing = client.get("/tim-kiem-da-luu/").content.decode()
    refused = client.post(f"/tim-kiem-da-luu/{theirs.pk}/xoa/")
    client.post(f"/tim-kiem-da-luu/{mine.pk}/xoa/")

    assert "Từ khóa: thu do; Năm: 2024" in listing
    assert "ngan sach" not in listing
    assert refused.status_code == 404
    assert list(SavedSearch.objects.all()) == [theirs]


def test_saved_searches_ask_anonymous_visitors_to_sign_in(client):
    response = client.get("/tim-kiem-da-luu/")

    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_a_user_keeps_a_limited_number_of_saved_searches(client):
    user = UserFactory(role="staff")
    SavedSearch.objects.bulk_create(
        SavedSearch(user=user, name=f"Tìm {n}", query=f"q=tu{n}")
        for n in range(SavedSearch.LIMIT_PER_USER)
    )
    client.force_login(user)

    response = client.post(
        "/tim-kiem-da-luu/luu/", {"query": "q=thủ+đô", "channel": "email"}, follow=True
    )

    assert SavedSearch.objects.filter(user=user).count() == SavedSearch.LIMIT_PER_USER
    assert "hãy xóa bớt một tìm kiếm" in response.content.decode()
