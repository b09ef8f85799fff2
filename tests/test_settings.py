"""Configuration is read once and a bad value is refused with the name of the setting."""

from __future__ import annotations

from datetime import timedelta

import pytest

from overdracht.settings import ConfigurationError, load_settings


def test_defaults_need_no_environment():
    settings = load_settings({})
    assert settings.database_url.startswith("sqlite://")
    assert settings.offer_validity == timedelta(days=15)
    assert settings.smtp.port == 8025


def test_values_are_read_from_the_environment():
    settings = load_settings(
        {
            "OVERDRACHT_DATABASE_URL": "postgres://u@db:5432/ovd",
            "OVERDRACHT_OFFER_VALIDITY_DAYS": "20",
            "OVERDRACHT_SMTP_HOST": "smtp.example",
            "OVERDRACHT_SMTP_PORT": "587",
            "OVERDRACHT_SMTP_TLS": "starttls",
            "OVERDRACHT_SMTP_TIMEOUT_SECONDS": "30",
            "OVERDRACHT_INBOUND_MAIL_DOMAIN": "In.Example.NL",
        }
    )
    assert settings.offer_validity == timedelta(days=20)
    assert (settings.smtp.host, settings.smtp.port, settings.smtp.tls) == (
        "smtp.example",
        587,
        "starttls",
    )
    assert settings.smtp.timeout_seconds == 30
    assert settings.inbound_mail_domain == "in.example.nl"


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("OVERDRACHT_DATABASE_URL", "mysql://x"),
        ("OVERDRACHT_SMTP_PORT", "twenty-five"),
        ("OVERDRACHT_SMTP_PORT", "0"),
        ("OVERDRACHT_SMTP_TLS", "maybe"),
        ("OVERDRACHT_SMTP_SENDER", "no address"),
        ("OVERDRACHT_SMTP_TIMEOUT_SECONDS", "0"),
        ("OVERDRACHT_INBOUND_MAIL_DOMAIN", "not a domain"),
        ("OVERDRACHT_OFFER_VALIDITY_DAYS", "0"),
        ("OVERDRACHT_MAX_ADMINISTRATIONS_PER_OFFER", "-1"),
    ],
)
def test_a_bad_setting_is_named_in_the_error(name, value):
    with pytest.raises(ConfigurationError, match=name):
        load_settings({name: value})
