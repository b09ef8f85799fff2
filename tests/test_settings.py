"""Configuration is read once and a bad value is refused with the name of the setting."""

from __future__ import annotations

from datetime import timedelta

import pytest

from overdracht.settings import (
    ConfigurationError,
    MoveVerification,
    declared_settings,
    load_settings,
)


def test_defaults_need_no_environment():
    settings = load_settings({})
    assert settings.database_url.startswith("sqlite://")
    assert settings.offer_validity == timedelta(days=15)
    assert settings.smtp.port == 8025


def test_values_are_read_from_the_environment():
    settings = load_settings(
        {
            "OVERDRACHT_DATABASE_URL": "postgres://u@db:5432/ovd",
            "OVERDRACHT_OFFER_VALIDITY_SECONDS": str(20 * 86400),
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
        ("OVERDRACHT_OFFER_VALIDITY_SECONDS", "0"),
        ("OVERDRACHT_OFFER_VALIDITY_SECONDS", "3600"),  # at least a day
        ("OVERDRACHT_MAX_ADMINISTRATIONS_PER_OFFER", "-1"),
        ("OVERDRACHT_MAX_ADMINISTRATIONS_PER_OFFER", "1001"),  # a takeover is at most 1,000
    ],
)
def test_a_bad_setting_is_named_in_the_error(name, value):
    with pytest.raises(ConfigurationError, match=name):
        load_settings({name: value})


def test_notice_settings_have_dutch_defaults():
    settings = load_settings({})
    assert settings.time_zone == "Europe/Amsterdam"
    assert settings.mail_max_age == timedelta(days=2)
    assert settings.reminder_before_expiry == timedelta(days=3)
    assert settings.code_entry_url == "http://127.0.0.1:8000/receive"
    assert settings.overview_url == "http://127.0.0.1:8000/migrations"


def test_an_offers_page_is_under_the_overview_by_its_global_id_escaped():
    default = load_settings({})
    assert default.offer_page_url("TWlncmF0aW9uOjE=") == (
        "http://127.0.0.1:8000/migrations/offers/TWlncmF0aW9uOjE%3D"
    )
    elsewhere = load_settings(
        {
            "OVERDRACHT_FRONTEND_URL": "https://app.kantoor.example",
            "OVERDRACHT_FRONTEND_OVERVIEW_PATH": "/",
        }
    )
    assert elsewhere.offer_page_url("a/b") == "https://app.kantoor.example/offers/a%2Fb"


def test_notice_settings_are_read_from_the_environment():
    settings = load_settings(
        {
            "OVERDRACHT_FRONTEND_URL": "https://app.kantoor.example/",
            "OVERDRACHT_FRONTEND_CODE_PATH": "/overdracht/code",
            "OVERDRACHT_FRONTEND_OVERVIEW_PATH": "/overdracht",
            "OVERDRACHT_TIME_ZONE": "Europe/London",
            "OVERDRACHT_MAIL_MAX_AGE_SECONDS": str(36 * 3600),
            "OVERDRACHT_REMINDER_BEFORE_EXPIRY_SECONDS": "0",
        }
    )
    assert settings.code_entry_url == "https://app.kantoor.example/overdracht/code"
    assert settings.overview_url == "https://app.kantoor.example/overdracht"
    assert settings.time_zone == "Europe/London"
    assert settings.mail_max_age == timedelta(hours=36)
    assert settings.reminder_before_expiry == timedelta(0)
    assert load_settings({"OVERDRACHT_MAIL_MAX_AGE_SECONDS": "5400"}).mail_max_age == timedelta(
        minutes=90
    )


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("OVERDRACHT_TIME_ZONE", "Mars/Olympus"),
        ("OVERDRACHT_TIME_ZONE", "../etc/passwd"),
        ("OVERDRACHT_MAIL_MAX_AGE_SECONDS", "forever"),
        ("OVERDRACHT_MAIL_MAX_AGE_SECONDS", "0"),
        ("OVERDRACHT_MAIL_MAX_AGE_SECONDS", "2d"),
        ("OVERDRACHT_MAIL_MAX_AGE_SECONDS", "-60"),
        ("OVERDRACHT_FRONTEND_CODE_PATH", "receive"),
        ("OVERDRACHT_FRONTEND_CODE_PATH", "/receive?code=1"),
        ("OVERDRACHT_REMINDER_BEFORE_EXPIRY_SECONDS", "-1"),
        ("OVERDRACHT_REMINDER_BEFORE_EXPIRY_SECONDS", "99999999999"),
        ("OVERDRACHT_TIME_ZONE", "Europe"),
        ("OVERDRACHT_OFFER_VALIDITY_SECONDS", "99999999999"),
        ("OVERDRACHT_FILE_READ_TIMEOUT_SECONDS", "0"),
    ],
)
def test_bad_notice_settings_are_refused_by_name(name, value):
    with pytest.raises(ConfigurationError, match=name):
        load_settings({name: value})


def test_files_stay_on_the_local_disk_unless_a_bucket_is_named():
    settings = load_settings({})
    assert settings.object_store is None
    assert settings.file_write_timeout == timedelta(seconds=30)


def test_the_bucket_comes_with_the_usual_aws_variables():
    settings = load_settings(
        {
            "OVERDRACHT_FILE_STORE": "s3://overdracht-archive/office/files/",
            "AWS_ENDPOINT_URL": "https://s3.storage.example:8443/",
            "AWS_DEFAULT_REGION": "eu-west-1",
            "AWS_ACCESS_KEY_ID": "AKIDEXAMPLE",
            "AWS_SECRET_ACCESS_KEY": "never-shown",
            "OVERDRACHT_FILE_WRITE_TIMEOUT_SECONDS": "12",
        }
    )
    store = settings.object_store
    assert store is not None
    assert (store.bucket, store.prefix, store.endpoint, store.region) == (
        "overdracht-archive",
        "office/files",
        "https://s3.storage.example:8443",
        "eu-west-1",
    )
    assert (store.access_key_id, store.secret_access_key) == ("AKIDEXAMPLE", "never-shown")
    assert not store.allow_http
    assert "never-shown" not in repr(settings)
    assert settings.file_write_timeout == timedelta(seconds=12)
    regional = load_settings(
        {
            "OVERDRACHT_FILE_STORE": "s3://b-1",
            "AWS_REGION": "eu-central-1",
            "AWS_DEFAULT_REGION": "eu-west-1",
        }
    )
    assert regional.object_store is not None
    assert (regional.object_store.region, regional.object_store.prefix) == ("eu-central-1", "")


def test_plain_http_is_allowed_only_to_this_machine():
    for endpoint in ("http://127.0.0.1:8333", "http://localhost:9000", "http://[::1]:8333"):
        store = load_settings(
            {"OVERDRACHT_FILE_STORE": "s3://bucket", "AWS_ENDPOINT_URL": endpoint}
        ).object_store
        assert store is not None and store.allow_http, endpoint
    with pytest.raises(ConfigurationError, match="AWS_ENDPOINT_URL may use plain http only"):
        load_settings(
            {"OVERDRACHT_FILE_STORE": "s3://bucket", "AWS_ENDPOINT_URL": "http://10.0.0.5:8333"}
        )


@pytest.mark.parametrize(
    ("env", "name"),
    [
        ({"OVERDRACHT_FILE_STORE": "/var/lib/files"}, "OVERDRACHT_FILE_STORE"),
        ({"OVERDRACHT_FILE_STORE": "s3://"}, "OVERDRACHT_FILE_STORE"),
        ({"OVERDRACHT_FILE_STORE": "s3://Bad_Bucket"}, "OVERDRACHT_FILE_STORE"),
        ({"OVERDRACHT_FILE_STORE": "s3://bucket/a/../b"}, "OVERDRACHT_FILE_STORE"),
        ({"OVERDRACHT_FILE_STORE": "s3://bucket/a//b"}, "OVERDRACHT_FILE_STORE"),
        (
            {"OVERDRACHT_FILE_STORE": "s3://bucket", "AWS_ENDPOINT_URL": "ftp://x"},
            "AWS_ENDPOINT_URL",
        ),
        (
            {"OVERDRACHT_FILE_STORE": "s3://bucket", "AWS_ENDPOINT_URL": "https://h:99999"},
            "AWS_ENDPOINT_URL",
        ),
        (
            {"OVERDRACHT_FILE_STORE": "s3://bucket", "AWS_ACCESS_KEY_ID": "AKID"},
            "AWS_SECRET_ACCESS_KEY",
        ),
        (
            {"OVERDRACHT_FILE_STORE": "s3://bucket", "AWS_SECRET_ACCESS_KEY": "s"},
            "AWS_ACCESS_KEY_ID",
        ),
        ({"OVERDRACHT_FILE_WRITE_TIMEOUT_SECONDS": "0"}, "OVERDRACHT_FILE_WRITE_TIMEOUT_SECONDS"),
        ({"OVERDRACHT_MOVE_VERIFY": "listing"}, "OVERDRACHT_MOVE_VERIFY=listing needs"),
        ({"OVERDRACHT_MOVE_VERIFY": "head"}, "OVERDRACHT_MOVE_VERIFY must be read or listing"),
        ({"OVERDRACHT_SCRUB_FILES_PER_SECOND": "-1"}, "OVERDRACHT_SCRUB_FILES_PER_SECOND"),
        ({"OVERDRACHT_MAX_DOCUMENT_BYTES": "0"}, "OVERDRACHT_MAX_DOCUMENT_BYTES"),
        ({"OVERDRACHT_MAX_DOCUMENT_BYTES": str(6 * 1024**3)}, "OVERDRACHT_MAX_DOCUMENT_BYTES"),
        ({"OVERDRACHT_SCRUB_FILES_PER_SECOND": "nan"}, "OVERDRACHT_SCRUB_FILES_PER_SECOND"),
        ({"OVERDRACHT_SCRUB_FILES_PER_SECOND": "fast"}, "OVERDRACHT_SCRUB_FILES_PER_SECOND"),
    ],
)
def test_a_bad_file_store_setting_is_named(env, name):
    with pytest.raises(ConfigurationError, match=name):
        load_settings(env)


def test_moves_read_files_back_on_the_disk_and_use_the_listing_on_a_bucket():
    assert load_settings({}).move_verification == MoveVerification.READ
    bucket = {"OVERDRACHT_FILE_STORE": "s3://bucket"}
    assert load_settings(bucket).move_verification == MoveVerification.LISTING
    chosen = load_settings({**bucket, "OVERDRACHT_MOVE_VERIFY": "read"})
    assert chosen.move_verification == MoveVerification.READ
    assert load_settings({"OVERDRACHT_MOVE_VERIFY": "READ"}).move_verification == "READ"


def test_scrubbing_runs_at_its_rate_and_zero_switches_it_off():
    assert load_settings({}).scrub_files_per_second == 10.0
    assert load_settings({"OVERDRACHT_SCRUB_FILES_PER_SECOND": "0"}).scrub_files_per_second == 0
    assert load_settings({"OVERDRACHT_SCRUB_FILES_PER_SECOND": "2.5"}).scrub_files_per_second == 2.5


def test_progress_is_pushed_by_postgresql_unless_polling_is_chosen():
    assert load_settings({}).progress_updates == "notify"
    chosen = load_settings({"OVERDRACHT_PROGRESS_UPDATES": " Poll "})
    assert chosen.progress_updates == "poll"


@pytest.mark.parametrize("value", ["listen", "push", "0"])
def test_an_unknown_way_of_sending_progress_is_refused_by_name(value):
    with pytest.raises(ConfigurationError, match="OVERDRACHT_PROGRESS_UPDATES") as refused:
        load_settings({"OVERDRACHT_PROGRESS_UPDATES": value})
    assert "PgBouncer" in str(refused.value)


@pytest.mark.parametrize(("lease", "deadline"), [("30", "30"), ("20", "30"), ("120", "600")])
def test_a_move_lease_not_longer_than_the_file_read_deadline_is_refused_naming_both(
    lease, deadline
):
    env = {"OVERDRACHT_MOVE_LEASE_SECONDS": lease, "OVERDRACHT_FILE_READ_TIMEOUT_SECONDS": deadline}
    with pytest.raises(ConfigurationError) as refused:
        load_settings(env)
    assert "OVERDRACHT_MOVE_LEASE_SECONDS" in str(refused.value)
    assert "OVERDRACHT_FILE_READ_TIMEOUT_SECONDS" in str(refused.value)


def test_a_move_lease_longer_than_the_file_read_deadline_is_taken():
    settings = load_settings(
        {"OVERDRACHT_MOVE_LEASE_SECONDS": "31", "OVERDRACHT_FILE_READ_TIMEOUT_SECONDS": "30"}
    )
    assert settings.move_lease > settings.file_read_timeout


@pytest.mark.parametrize("given", ["OVERDRACHT_SMTP_USERNAME", "OVERDRACHT_SMTP_PASSWORD"])
def test_an_smtp_username_or_password_alone_is_refused_naming_both(given):
    with pytest.raises(ConfigurationError) as refused:
        load_settings({given: "overdracht"})
    assert "OVERDRACHT_SMTP_USERNAME" in str(refused.value)
    assert "OVERDRACHT_SMTP_PASSWORD" in str(refused.value)
    both = load_settings(
        {"OVERDRACHT_SMTP_USERNAME": "overdracht", "OVERDRACHT_SMTP_PASSWORD": "geheim"}
    )
    assert (both.smtp.username, both.smtp.password) == ("overdracht", "geheim")


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("OVERDRACHT_OFFER_VALIDITY_DAYS", "OVERDRACHT_OFFER_VALIDITY_SECONDS"),
        ("OVERDRACHT_REMINDER_DAYS_BEFORE_EXPIRY", "OVERDRACHT_REMINDER_BEFORE_EXPIRY_SECONDS"),
        ("OVERDRACHT_MAIL_MAX_AGE", "OVERDRACHT_MAIL_MAX_AGE_SECONDS"),
    ],
)
def test_a_duration_set_under_its_old_name_is_refused_naming_the_new_one(old, new):
    """Durations are seconds now; an old variable would otherwise be ignored without a word."""
    with pytest.raises(ConfigurationError, match=new) as refused:
        load_settings({old: "3"})
    assert old in str(refused.value)


def test_every_duration_is_whole_seconds_in_a_variable_named_so():
    for item in declared_settings():
        declared = item.declared
        in_seconds = declared.kind.unit == "seconds"
        assert in_seconds == declared.env.endswith("_SECONDS"), declared.env
        if isinstance(item.default, timedelta):
            assert in_seconds, declared.env


def test_every_variable_is_declared_once_with_a_reason():
    names = [item.declared.env for item in declared_settings()]
    assert len(names) == len(set(names))
    assert all(item.declared.why for item in declared_settings())


def test_the_grouped_and_companion_variables_are_read_too():
    """The SMTP group, a bucket's AWS companions and their alias are read like the rest."""
    assert load_settings({"OVERDRACHT_SMTP_PORT": "2525"}).smtp.port == 2525
    assert load_settings({"OVERDRACHT_DOWNLOAD_LINK_SECONDS": "60"}).download_link_lifetime == (
        timedelta(minutes=1)
    )
    bucket = load_settings({"OVERDRACHT_FILE_STORE": "s3://b-1", "AWS_DEFAULT_REGION": "x-1"})
    assert bucket.object_store is not None and bucket.object_store.region == "x-1"


def test_an_offer_may_hold_five_by_default_and_up_to_a_thousand_for_a_takeover():
    assert load_settings({}).max_administrations_per_offer == 5
    most = load_settings({"OVERDRACHT_MAX_ADMINISTRATIONS_PER_OFFER": "1000"})
    assert most.max_administrations_per_offer == 1000


def test_the_moment_of_a_move_and_the_share_of_an_office_are_settings():
    default = load_settings({})
    assert (default.move_not_before_max, default.moves_per_office) == (timedelta(days=30), 2)
    chosen = load_settings(
        {"OVERDRACHT_MOVE_NOT_BEFORE_MAX_SECONDS": "7776000", "OVERDRACHT_MOVES_PER_OFFICE": "5"}
    )
    assert (chosen.move_not_before_max, chosen.moves_per_office) == (timedelta(days=90), 5)
    for name in ("OVERDRACHT_MOVE_NOT_BEFORE_MAX_SECONDS", "OVERDRACHT_MOVES_PER_OFFICE"):
        with pytest.raises(ConfigurationError, match=name):
            load_settings({name: "0"})
