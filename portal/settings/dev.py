"""Local development: the embedded default, needing no configuration at all."""

import os

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get(
    "SECRET_KEY", "dev-only-key-never-use-in-production-0123456789abcdefghijklmno"
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": PRIVATE_STORAGE,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# load_demo creates accounts with a published password: never in production.
PORTAL_DEMO_ALLOWED = True
# The demo's certificate authority (written by load_demo) is trusted.
SIGNING_TRUST_ANCHORS = env_list(  # noqa: F405
    "SIGNING_TRUST_ANCHORS",
    str(PRIVATE_MEDIA_ROOT / "signing" / "demo-ca.pem"),  # noqa: F405
)
# The demo signs in with passwords alone unless TWOFACTOR_REQUIRED=true.
TWOFACTOR_REQUIRED = env_bool("TWOFACTOR_REQUIRED", False)

# Serve static files straight from the apps: no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
