"""Tests: fast hashing, immediate tasks, and an index prefix of their own."""

import os

os.environ.setdefault("ELASTICSEARCH_INDEX_PREFIX", "portal_test_")

from .base import *  # noqa: E402, F403

SECRET_KEY = "test-only-key-0123456789abcdefghijklmnopqrstuvwxyz-0123456789"
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "private": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# load_demo creates accounts with a published password: never in production.
PORTAL_DEMO_ALLOWED = True

# Serve static files straight from the apps: no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# One process: the page cache can live in memory (and is emptied per test), and
# lockouts and comments are counted in the database, whatever REDIS_URL says; the
# application servers a test starts share Redis (portal.settings.test_servers).
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "page-generation": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
}
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
COMMENTS_RATE_CACHE = None

# Tests sign users in with force_login: the second factor is asked only by the
# tests of portal.twofactor, which turn it on.
TWOFACTOR_REQUIRED = False

# The comment form's security code, answered by the browser tests.
COMMENTS_CAPTCHA_TEST_ANSWER = "ABCDE"
