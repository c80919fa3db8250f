"""Settings of the fault drill's servers and worker: production's, on plain HTTP
on loopback, with the demo's content and accounts."""

from portal.settings.production import *  # noqa: F403

# nginx listens on loopback without TLS.
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
# No collectstatic: pages name the static files without hashes.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PORTAL_DEMO_ALLOWED = True
# The simulated commenters answer the security code.
COMMENTS_CAPTCHA_TEST_ANSWER = "ABCDE"
