import pytest

from portal.core.email import email_settings_from_url


def test_an_smtp_url_with_starttls_becomes_django_email_settings():
    settings = email_settings_from_url(
        "smtp+tls://thu%40vp.vn:m%E1%BA%ADt@mail.vp.vn:587"
    )

    assert settings["EMAIL_HOST"] == "mail.vp.vn"
    assert settings["EMAIL_PORT"] == 587
    assert settings["EMAIL_HOST_USER"] == "thu@vp.vn"
    assert settings["EMAIL_HOST_PASSWORD"] == "mật"
    assert settings["EMAIL_USE_TLS"] and not settings["EMAIL_USE_SSL"]


def test_smtps_defaults_to_the_ssl_port():
    settings = email_settings_from_url("smtps://mail.vp.vn")

    assert settings["EMAIL_PORT"] == 465
    assert settings["EMAIL_USE_SSL"]


def test_an_unknown_scheme_is_refused():
    with pytest.raises(ValueError):
        email_settings_from_url("pop3://mail.vp.vn")
