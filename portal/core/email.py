from urllib.parse import parse_qs, unquote, urlparse

BACKENDS = {
    "smtp": "django.core.mail.backends.smtp.EmailBackend",
    "smtp+tls": "django.core.mail.backends.smtp.EmailBackend",
    "smtps": "django.core.mail.backends.smtp.EmailBackend",
    "console": "django.core.mail.backends.console.EmailBackend",
}


def email_settings_from_url(url):
    """Translate EMAIL_URL (``smtp+tls://user:password@host:587``) into settings."""
    parts = urlparse(url)
    if parts.scheme not in BACKENDS:
        raise ValueError(f"EMAIL_URL scheme must be one of {sorted(BACKENDS)}")
    options = parse_qs(parts.query)
    return {
        "EMAIL_BACKEND": BACKENDS[parts.scheme],
        "EMAIL_HOST": parts.hostname or "localhost",
        "EMAIL_PORT": parts.port or (465 if parts.scheme == "smtps" else 25),
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_TLS": parts.scheme == "smtp+tls",
        "EMAIL_USE_SSL": parts.scheme == "smtps",
        "EMAIL_TIMEOUT": int(options.get("timeout", ["10"])[0]),
    }
