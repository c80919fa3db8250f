"""Two application servers behind nginx, sharing Redis, as in production.

The servers run the command line of ``deploy/systemd/portal-web@.service`` on the
test database, and nginx the site file ``deploy/nginx/portal.conf``: what one
server does to the cache, the lockout or the comment limit, the other sees.
"""

import os
import re

import pytest
import redis
import requests
from django.conf import settings

from bench import cluster
from portal.access.factories import PASSWORD, UserFactory
from portal.comments.models import Comment
from portal.demo.site import load_home_page
from portal.news.factories import make_article, make_section
from portal.news.models import ArticlePage


@pytest.fixture(scope="session")
def redis_url():
    url = os.environ.get("REDIS_URL")
    if not url:
        pytest.fail(
            "REDIS_URL is not set: run the suite with `make test`, which starts Redis."
        )
    return url


def database_url():
    db = settings.DATABASES["default"]
    if db["ENGINE"] != "django.db.backends.postgresql":
        pytest.fail("the servers share the test database: run on PostgreSQL")
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


@pytest.fixture(scope="module")
def servers(django_db_setup, django_db_blocker, redis_url, tmp_path_factory):
    """Two gunicorn servers on the test database and nginx in front of them."""
    state = tmp_path_factory.mktemp("two-servers")
    env = {
        "DJANGO_SETTINGS_MODULE": "portal.settings.test_servers",
        "DATABASE_URL": database_url(),
        "REDIS_URL": redis_url,
        # pages and forms only: the database search keeps the engine out of it
        "ELASTICSEARCH_URL": "",
        "WEB_CONCURRENCY": "1",
        "COMMENTS_RATE_LIMIT": "2",
    }
    ports = [cluster.free_port(), cluster.free_port()]
    apps = [
        cluster.app_server(port, env, log=state / f"web-{port}.log").start()
        for port in ports
    ]
    nginx = cluster.Nginx(state / "nginx", ports)
    try:
        for port, app in zip(ports, apps, strict=True):
            cluster.wait_until_up(f"http://127.0.0.1:{port}/healthz/", process=app)
        nginx.start()
        yield {
            "a": f"http://127.0.0.1:{ports[0]}",
            "b": f"http://127.0.0.1:{ports[1]}",
            "nginx": nginx.url,
        }
    finally:
        nginx.stop()
        for app in apps:
            app.stop()


@pytest.fixture
def shared(servers, redis_url, transactional_db, django_db_serialized_rollback):
    """The servers, with Redis emptied: each test starts with nothing cached."""
    redis.Redis.from_url(redis_url).flushdb()
    return servers


def get(base, path, session=None):
    # The address nginx passes on as Host, so every route shares cache keys.
    return (session or requests).get(
        base + path, headers={"Host": "127.0.0.1"}, timeout=30
    )


def sign_in(session, base, username, password):
    form = session.get(f"{base}/login/", timeout=30)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text)
    return session.post(
        f"{base}/login/",
        {
            "username": username,
            "password": password,
            "csrfmiddlewaretoken": token.group(1),
        },
        allow_redirects=False,
        timeout=30,
    )


def test_publishing_through_one_server_retires_the_cached_pages_of_both(shared):
    section = make_section(load_home_page())
    make_article(section, title="Hội nghị sơ kết quý ba")
    draft = section.add_child(
        instance=ArticlePage(
            title="Thông báo lịch tiếp công dân",
            slug="lich-tiep-cong-dan",
            lead="Lịch mới.",
            live=False,
        )
    )
    draft.save_revision()
    path = section.url
    for base in (shared["a"], shared["b"], shared["nginx"]):
        assert "Hội nghị sơ kết quý ba" in get(base, path).text
    # Behind the cache's back: pages served from the cache keep the old title.
    ArticlePage.objects.exclude(pk=draft.pk).update(title="Đã sửa ngoài trang quản trị")
    for base in (shared["a"], shared["b"], shared["nginx"]):
        assert "Hội nghị sơ kết quý ba" in get(base, path).text

    approver = requests.Session()
    user = UserFactory(role="approver")
    assert sign_in(approver, shared["a"], user.username, PASSWORD).status_code == 302
    form = approver.get(
        f"{shared['a']}/admin/bulk/wagtailcore/page/publish/?id={draft.pk}",
        timeout=30,
    )
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text)
    published = approver.post(
        f"{shared['a']}/admin/bulk/wagtailcore/page/publish/?id={draft.pk}",
        {"csrfmiddlewaretoken": token.group(1)},
        allow_redirects=False,
        timeout=30,
    )

    assert published.status_code == 302
    for base in (shared["b"], shared["a"], shared["nginx"]):
        page = get(base, path).text
        assert "Thông báo lịch tiếp công dân" in page
        assert "Đã sửa ngoài trang quản trị" in page


def test_the_lockout_and_the_comment_limit_count_across_both_servers(shared, redis_url):
    article = make_article(make_section(load_home_page()), title="Hội nghị")
    user = UserFactory(role="staff")
    guesser = requests.Session()
    for base in [shared["a"], shared["b"]] * 2:
        assert sign_in(guesser, base, user.username, "sai-mat-khau").status_code == 200
    fifth = sign_in(guesser, shared["a"], user.username, "sai-mat-khau")
    right = sign_in(requests.Session(), shared["b"], user.username, PASSWORD)

    assert [fifth.status_code, right.status_code] == [429, 429]

    reader = requests.Session()
    answers = []
    for base in (shared["a"], shared["b"], shared["a"]):
        reader.get(f"{base}/binh-luan/ma-bao-mat.png", timeout=30)
        answers.append(
            reader.post(
                f"{base}/binh-luan/{article.pk}/",
                {
                    "name": "Nguyễn Văn An",
                    "subject": "Góp ý",
                    "body": "Xin cảm ơn.",
                    "captcha": settings.COMMENTS_CAPTCHA_TEST_ANSWER,
                },
                timeout=30,
            )
        )

    assert Comment.objects.count() == 2
    assert "thử lại sau" in answers[-1].text
    # Both counts are kept in Redis, not in either server.
    stored = redis.Redis.from_url(redis_url)
    assert stored.keys("*reader-submissions:comments.comment:127.0.0.1")
    assert stored.keys("*axes-*")
