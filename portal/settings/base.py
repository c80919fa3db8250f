"""Settings shared by every environment; each value can come from the environment."""

import ipaddress
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
import dj_email_url
from django.utils.translation import gettext_lazy as _

from portal.accounts.configuration import account_settings

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item]


DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")

INSTALLED_APPS = [
    "home",
    "search",
    "portal.core",
    "portal.access",
    "portal.twofactor",
    "portal.ocr",
    "portal.signing",
    "portal.documents",
    "portal.news",
    "portal.comments",
    "portal.images",
    "portal.followup",
    "portal.accounts",
    "portal.correspondence",
    "portal.drafting",
    "portal.schedule",
    "portal.meetings",
    "portal.organisation",
    "portal.directory",
    "portal.questions",
    "portal.alerts",
    "portal.api",
    "portal.annual",
    "portal.operations",
    "portal.demo",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "portal.core.apps.PortalUsersConfig",  # wagtail.users, in Vietnamese order
    "wagtail.snippets",
    # Needed by Wagtail's admin (wagtail#14418), but closed: the archive's
    # documents replace it (portal.core.wagtail_hooks).
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "guardian",
    "axes",
    # the second factor of sign-in (portal.twofactor): authenticator apps and
    # recovery codes
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    "django_tasks",
    "django_tasks_db",
    # the read-only JSON API (portal.api): its messages, tokens and schema
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # first: the request id, metrics and the request's log line cover the rest
    "portal.operations.middleware.RequestMonitoringMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "portal.core.middleware.PortalLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "portal.twofactor.middleware.SecondFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # inside the language choice, outside everything that builds a page
    "portal.core.middleware.AnonymousPageCacheMiddleware",
    "portal.core.middleware.CachedSiteMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "portal.core.csp.PortalCSPMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # last, as django-axes requires
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
            # Wagtail's admin tags, with dates instead of "3 days ago"
            "libraries": {
                "wagtailadmin_tags": "portal.core.templatetags.wagtail_dates"
            },
        },
    },
]

# The library above shadows Wagtail's own of the same name on purpose.
SILENCED_SYSTEM_CHECKS = ["templates.W003"]

WSGI_APPLICATION = "portal.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    # first: refuses sign-in while an account or address is locked out
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "guardian.backends.ObjectPermissionBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"django.contrib.auth.password_validation.{name}"}
    for name in (
        "UserAttributeSimilarityValidator",
        "MinimumLengthValidator",
        "CommonPasswordValidator",
        "NumericPasswordValidator",
    )
]
LOGIN_URL = "/login/"
# Staff start their day in the intranet; the admin's sign-in goes to the admin.
LOGIN_REDIRECT_URL = "/noi-bo/"
LOGOUT_REDIRECT_URL = "/"
# Directory accounts (LDAP_URL …) and the single sign-on (OIDC_CLIENT_ID …), each
# on when configured, after the portal's own passwords (portal.accounts; README).
vars().update(account_settings(os.environ, AUTHENTICATION_BACKENDS, MIDDLEWARE))

# Brute-force protection: five wrong passwords for one account from one
# address lock that pair out for fifteen minutes.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_VERBOSE = False
AXES_CLIENT_IP_CALLABLE = "portal.core.proxies.client_ip"

# The second factor of sign-in (portal.twofactor). Who must give one: those who
# see everything (always), members of TWOFACTOR_ROLES (keys of
# portal.access.roles), holders of any of TWOFACTOR_PERMISSIONS, and, with
# TWOFACTOR_FOR_SHARED, anyone a restricted item is shared with. Until they do,
# TWOFACTOR_PROTECTED_PATHS and the sign-in pages send them to the code, and
# every other page treats them as anonymous. TWOFACTOR_REQUIRED=false turns it
# off (the test and development settings do).
TWOFACTOR_REQUIRED = env_bool("TWOFACTOR_REQUIRED", True)
TWOFACTOR_ROLES = env_list("TWOFACTOR_ROLES", "editor,approver,clerk,admin")
TWOFACTOR_PERMISSIONS = env_list("TWOFACTOR_PERMISSIONS", "wagtailadmin.access_admin")
TWOFACTOR_FOR_SHARED = env_bool("TWOFACTOR_FOR_SHARED", True)
TWOFACTOR_PROTECTED_PATHS = env_list(
    "TWOFACTOR_PROTECTED_PATHS", "/admin/,/django-admin/,/noi-bo/"
)
# The name authenticator apps show beside the account.
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "Cổng thông tin Văn phòng")

# Addresses or networks (CIDR) of the load balancers and reverse proxies in front
# of the portal: only their X-Forwarded-For hops are believed (portal.core.proxies).
# Parsed here so that a mistyped value stops the start, not a request.
TRUSTED_PROXIES = [
    ipaddress.ip_network(proxy, strict=False) for proxy in env_list("TRUSTED_PROXIES")
]

SESSION_COOKIE_AGE = 60 * 60 * 8  # a working day
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Wagtail marks its own preview views as frameable by the admin.
X_FRAME_OPTIONS = "DENY"

# The public site runs no inline script; Wagtail's admin has its own needs.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
# Wagtail's admin writes inline scripts (inline panels, date pickers) and inline
# styles, and previews pages in a frame of its own; everything still comes from
# this site only, and no plugin, foreign form target or base URL is allowed.
PORTAL_ADMIN_CONTENT_SECURITY_POLICY = {
    "URL_PREFIX": "/admin/",
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}

# Vietnamese first; English is offered to those who choose it.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["portal.formats"]
# The admin's date pickers show and accept dates as portal/formats/vi does.
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
STATICFILES_DIRS = [PROJECT_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Attachments of documents: outside MEDIA_ROOT, served only through a view
# that checks who may see the document.
PRIVATE_MEDIA_ROOT = Path(
    os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media")
)
PRIVATE_STORAGE = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    # A string: deleting a file is a task, whose arguments (the storage's
    # options among them) must be JSON.
    "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT), "base_url": None},
}
# Image files and their renditions are private too: every image is served by a
# view that checks who may see an item using it (portal.images).
WAGTAILIMAGES_IMAGE_MODEL = "images.PortalImage"
# What portal.core.uploads.IMAGE_KINDS accepts (no SVG, which can hold script).
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_RENDITION_STORAGE = "private"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": PRIVATE_STORAGE,
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Outgoing mail (reminders, moderation): EMAIL_URL, or the console by default.
EMAIL_CONFIG = dj_email_url.config(default="console://")
# A mail server that does not answer must not hold a request or the worker.
EMAIL_CONFIG["EMAIL_TIMEOUT"] = EMAIL_CONFIG.get("EMAIL_TIMEOUT") or 10
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "cong-thong-tin@localhost")

# Pages for anonymous visitors are cached (portal.core.cache). The cache must be
# shared by all worker processes so that publishing retires every copy:
# a folder on this machine by default, PAGE_CACHE_DIR to choose it;
# PAGE_CACHE_SECONDS=0 turns it off. With several application servers, REDIS_URL
# names the Redis they share (see shared_state_in_redis below).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.environ.get("PAGE_CACHE_DIR", BASE_DIR / "var" / "page-cache"),
        "OPTIONS": {"MAX_ENTRIES": 20_000},
    },
    # The pages' generation number alone: never full, so never culled.
    "page-generation": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.path.join(
            os.environ.get("PAGE_CACHE_DIR", BASE_DIR / "var" / "page-cache"),
            "generation",
        ),
    },
}
PORTAL_PAGE_CACHE = "pages"
PORTAL_PAGE_GENERATION_CACHE = "page-generation"


def shared_state_in_redis(url):
    """Settings that keep in one Redis what every application server must share:
    the cache, the page cache and its generation number, the sign-in lockout
    counters (django-axes' cache handler) and the comment limit's counts."""
    redis = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url}
    return {
        "CACHES": {
            "default": {**redis, "KEY_PREFIX": "portal"},
            "pages": {**redis, "KEY_PREFIX": "portal-pages"},
            "page-generation": {**redis, "KEY_PREFIX": "portal-generation"},
        },
        "AXES_HANDLER": "axes.handlers.cache.AxesCacheHandler",
        "AXES_CACHE": "default",
        "COMMENTS_RATE_CACHE": "default",
    }


# Without Redis, lockouts live in the database and comments are counted there.
COMMENTS_RATE_CACHE = None
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    vars().update(shared_state_in_redis(REDIS_URL))

PORTAL_PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", 600))
PORTAL_PAGE_CACHE_SKIP = (
    "/admin/",
    "/login/",
    "/search/",
    "/documents/",
    # answers depend on the caller's token, which the cache does not see
    "/api/",
    "/django-admin/",
    # probes and scrapes: never stored, and no page cache misses in the metrics
    "/healthz/",
    "/readyz/",
    "/metrics",
)

# Reader comments: how many one address may send in a window (seconds), how
# long a security code lasts, and whether moderators get an e-mail.
COMMENTS_RATE_LIMIT = int(os.environ.get("COMMENTS_RATE_LIMIT", 5))
COMMENTS_RATE_WINDOW = 60 * 10
COMMENTS_CAPTCHA_MAX_AGE = 60 * 30
COMMENTS_NOTIFY_MODERATORS = env_bool("COMMENTS_NOTIFY_MODERATORS", True)

# Index updates are queued so that editing never waits on, or fails with, the engine.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

ELASTICSEARCH_URL = os.environ.get("ELASTICSEARCH_URL", "")
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "URLS": env_list("ELASTICSEARCH_URL"),
            "INDEX_PREFIX": os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "portal_"),
            "TIMEOUT": int(os.environ.get("ELASTICSEARCH_TIMEOUT", "10")),
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}

WAGTAIL_SITE_NAME = _("Party Committee Office Portal")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_ENABLE_UPDATE_CHECK = False
# The admin shows its own default avatar instead of asking an outside service.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Addresses in ASCII, made from the Vietnamese title (portal.core.widgets, .pages).
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# Anonymous readers see public items only; no stand-in database user for them
# (which would also cost a query on every permission check).
ANONYMOUS_USER_NAME = None
GUARDIAN_RAISE_403 = False
GUARDIAN_RENDER_403 = False

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Operations (portal.operations). /metrics answers the addresses or networks in
# METRICS_ALLOWED_ADDRESSES (as portal.core.proxies reads the visitor's address)
# and whoever sends "Authorization: Bearer METRICS_TOKEN"; nobody by default.
METRICS_ALLOWED_ADDRESSES = [
    ipaddress.ip_network(address, strict=False)
    for address in env_list("METRICS_ALLOWED_ADDRESSES")
]
METRICS_TOKEN = os.environ.get("METRICS_TOKEN", "")
# /readyz/ calls the worker late (degraded) when a task waits longer than this.
READINESS_TASK_AGE_LIMIT = int(os.environ.get("READINESS_TASK_AGE_LIMIT", 600))
READINESS_ENGINE_TIMEOUT = float(os.environ.get("READINESS_ENGINE_TIMEOUT", 2))
# The file storages `manage.py backup` copies.
BACKUP_STORAGES = ["default", "private"]

# Follow-up: send_reminders urges units this many days before a deadline.
FOLLOWUP_REMINDER_DAYS = int(os.environ.get("FOLLOWUP_REMINDER_DAYS", "3"))

# The read-only JSON API (portal.api); its views set everything else.
REST_FRAMEWORK = {"DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema"}
SPECTACULAR_SETTINGS = {
    "TITLE": "API văn bản và tin bài",
    "DESCRIPTION": "Đọc văn bản và tin bài mà người gọi được phép xem.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # Its deploy check builds a schema of every URL, Wagtail's admin API and
    # all, against whatever database is there; the API's own schema is checked
    # by portal/api/tests instead.
    "ENABLE_DJANGO_DEPLOY_CHECK": False,
}

# Digital signatures (portal.signing). Verification trusts the certificates in
# these PEM/DER files or folders of them (comma-separated), e.g. the national
# root CA; tokens are used only through the PKCS#11 modules named here.
SIGNING_TRUST_ANCHORS = env_list("SIGNING_TRUST_ANCHORS")
SIGNING_PKCS11_MODULES = env_list(
    "SIGNING_PKCS11_MODULES", "/usr/lib/softhsm/libsofthsm2.so"
)
