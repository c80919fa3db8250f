"""The visitor's address behind the load balancer: from X-Forwarded-For only
through the proxies named in TRUSTED_PROXIES."""

import ipaddress

import pytest
from django.test import RequestFactory

from portal.access.factories import PASSWORD, UserFactory
from portal.comments.models import Comment
from portal.core.proxies import client_ip
from portal.news.factories import make_article, make_section

BALANCER = "10.0.0.5"


@pytest.fixture
def behind_balancer(settings):
    settings.TRUSTED_PROXIES = [ipaddress.ip_network("10.0.0.0/24")]


def request_from(peer, forwarded=None):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    return RequestFactory().get("/", REMOTE_ADDR=peer, **headers)


@pytest.mark.parametrize(
    "forwarded, expected",
    [
        ("203.0.113.7", "203.0.113.7"),
        # The visitor wrote the left part; the balancer appended the right one.
        ("1.2.3.4, 203.0.113.7", "203.0.113.7"),
        # A second trusted proxy between the visitor and the balancer.
        ("203.0.113.7, 10.0.0.9", "203.0.113.7"),
        ("::ffff:203.0.113.7", "203.0.113.7"),
        ("2001:db8::7", "2001:db8::7"),
        # A hop that is not an address: nothing left of it can be believed.
        ("203.0.113.7, unknown", BALANCER),
        (None, BALANCER),
    ],
)
def test_through_a_trusted_proxy_the_forwarded_visitor_is_used(
    behind_balancer, forwarded, expected
):
    assert client_ip(request_from(BALANCER, forwarded)) == expected


def test_a_forwarded_header_from_an_untrusted_peer_is_ignored(behind_balancer):
    assert client_ip(request_from("198.51.100.1", "203.0.113.7")) == "198.51.100.1"


def test_without_trusted_proxies_the_header_is_never_believed(settings):
    settings.TRUSTED_PROXIES = []
    assert client_ip(request_from(BALANCER, "203.0.113.7")) == BALANCER


@pytest.fixture
def article(home_page):
    return make_article(make_section(home_page), title="Hội nghị sơ kết công tác")


def post_comment(client, article, **headers):
    client.get("/binh-luan/ma-bao-mat.png", **headers)
    data = {
        "name": "Nguyễn Văn An",
        "subject": "Đề nghị bổ sung",
        "body": "Xin cảm ơn ban biên tập.",
        "captcha": "ABCDE",
    }
    return client.post(f"/binh-luan/{article.pk}/", data, **headers)


def test_behind_the_balancer_each_reader_has_their_own_comment_limit(
    client, article, settings, behind_balancer
):
    settings.COMMENTS_RATE_LIMIT = 2
    reader = {"REMOTE_ADDR": BALANCER, "HTTP_X_FORWARDED_FOR": "203.0.113.7"}
    for _ in range(3):
        post_comment(client, article, **reader)
    post_comment(
        client, article, REMOTE_ADDR=BALANCER, HTTP_X_FORWARDED_FOR="203.0.113.8"
    )

    addresses = sorted(Comment.objects.values_list("ip_address", flat=True))
    assert addresses == ["203.0.113.7", "203.0.113.7", "203.0.113.8"]


def test_a_forged_header_does_not_escape_the_comment_limit(
    client, article, settings, behind_balancer
):
    settings.COMMENTS_RATE_LIMIT = 2
    for forged in ("1.1.1.1", "2.2.2.2", "3.3.3.3"):
        post_comment(
            client, article, REMOTE_ADDR="198.51.100.1", HTTP_X_FORWARDED_FOR=forged
        )

    assert list(Comment.objects.values_list("ip_address", flat=True)) == [
        "198.51.100.1",
        "198.51.100.1",
    ]


def sign_in(client, username, password, **headers):
    return client.post(
        "/login/", {"username": username, "password": password}, **headers
    )


def test_behind_the_balancer_a_lockout_keeps_out_only_the_guessing_visitor(
    client, home_page, behind_balancer
):
    user = UserFactory(role="staff")
    guesser = {"REMOTE_ADDR": BALANCER, "HTTP_X_FORWARDED_FOR": "203.0.113.66"}
    for _ in range(5):
        sign_in(client, user.username, "sai-mat-khau", **guesser)
    assert sign_in(client, user.username, PASSWORD, **guesser).status_code == 429

    owner = {"REMOTE_ADDR": BALANCER, "HTTP_X_FORWARDED_FOR": "203.0.113.7"}
    assert sign_in(client, user.username, PASSWORD, **owner).status_code == 302


def test_a_forged_header_does_not_escape_the_lockout(
    client, home_page, behind_balancer
):
    user = UserFactory(role="staff")
    for forged in ("1.1.1.1", "2.2.2.2", "3.3.3.3", "4.4.4.4", "5.5.5.5"):
        sign_in(
            client,
            user.username,
            "sai-mat-khau",
            REMOTE_ADDR="198.51.100.1",
            HTTP_X_FORWARDED_FOR=forged,
        )

    response = sign_in(
        client,
        user.username,
        PASSWORD,
        REMOTE_ADDR="198.51.100.1",
        HTTP_X_FORWARDED_FOR="6.6.6.6",
    )
    assert response.status_code == 429
