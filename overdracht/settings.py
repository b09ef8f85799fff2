"""Configuration: every setting declared once, read once at start, refused naming the variable.

Each field of the dataclasses below that the environment sets says so with `setting(...)`:
its variable, its default, its kind (type, bounds and unit) and one line of why. load_settings
reads from those declarations and docs/configuration.md is written from them
(`overdracht settings-reference`). Durations are whole seconds, in variables ending in _SECONDS.
"""

from __future__ import annotations

import ipaddress
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import timedelta
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from overdracht.setting_kinds import (
    SETTING,
    ConfigurationError,
    Declared,
    Kind,
    base_url,
    choice,
    database_url,
    declare,
    directory,
    domain,
    flag,
    rate,
    seconds,
    sender,
    text,
    time_zone,
    url_path,
    whole,
    whole_seconds,
)

__all__ = [
    "LOCAL_FILE_STORE",
    "MOST_ADMINISTRATIONS_PER_OFFER",
    "PROGRESS_UPDATES",
    "ConfigurationError",
    "MoveVerification",
    "ObjectStoreSettings",
    "Price",
    "Settings",
    "SmtpSettings",
    "declared_settings",
    "load_settings",
    "object_store_at",
    "web_origin",
]

DAY = 86400

_PRICE_RE = re.compile(r"^\s*(\d{1,9}(?:[.,]\d{1,2})?)\s*([A-Za-z]{3})?\s*$")


@dataclass(frozen=True)
class Price:
    """What moving one administration costs the receiver (rule 8)."""

    amount: Decimal = Decimal("49.00")
    currency: str = "EUR"


def _price(name: str, raw: str, env: Mapping[str, str]) -> Price:
    match = _PRICE_RE.match(raw)
    if match is None:
        raise ConfigurationError(
            f"{name} must be an amount with an optional currency, like '49.00 EUR', got {raw!r}"
        )
    try:
        amount = Decimal(match.group(1).replace(",", ".")).quantize(Decimal("0.01"))
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        raise ConfigurationError(f"{name}: bad amount {raw!r}") from None
    return Price(amount=amount, currency=(match.group(2) or "EUR").upper())


@dataclass(frozen=True)
class SmtpSettings:
    """Where outgoing mail is delivered."""

    host: str = field(
        default="127.0.0.1",
        metadata=declare("OVERDRACHT_SMTP_HOST", text(), "the mail server's host"),
    )
    port: int = field(
        default=8025,
        metadata=declare("OVERDRACHT_SMTP_PORT", whole(1, 65535), "the mail server's port"),
    )
    username: str | None = field(
        default=None,
        metadata=declare(
            "OVERDRACHT_SMTP_USERNAME",
            text(),
            "the login at the mail server; refused at start without OVERDRACHT_SMTP_PASSWORD",
        ),
    )
    password: str | None = field(
        default=None,
        repr=False,
        metadata=declare(
            "OVERDRACHT_SMTP_PASSWORD",
            text(),
            "its password; refused at start without OVERDRACHT_SMTP_USERNAME",
        ),
    )
    tls: str = field(
        default="none",
        metadata=declare(
            "OVERDRACHT_SMTP_TLS",
            choice("none", "starttls", "tls"),
            "how the connection to the mail server is encrypted",
        ),
    )
    sender: str = field(
        default="Overdracht <noreply@overdracht.example>",
        metadata=declare(
            "OVERDRACHT_SMTP_SENDER",
            text(sender, "e-mail address, with an optional name"),
            "the From of every mail",
        ),
    )
    timeout_seconds: float = field(
        default=10.0,
        metadata=declare(
            "OVERDRACHT_SMTP_TIMEOUT_SECONDS",
            whole_seconds(1, 3600),
            "how long to wait for the mail server before trying the mail again later",
        ),
    )


# How the local directory under OVERDRACHT_DATA_DIR is named where a location is recorded.
LOCAL_FILE_STORE = "local"


def _is_loopback(host: str) -> bool:
    """Whether a host name is this machine, the one place plain HTTP may go."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _endpoint(name: str, raw: str) -> str:
    """An S3-compatible server to talk to instead of AWS; plain HTTP only on this machine."""
    value = raw.strip()
    parts = urlsplit(value)
    try:
        has_good_port = parts.port is None or parts.port > 0
    except ValueError:
        has_good_port = False
    if (
        parts.scheme not in ("http", "https")
        or not parts.hostname
        or not has_good_port
        or parts.username is not None
        or parts.query
        or parts.fragment
    ):
        raise ConfigurationError(f"{name} must be an http(s)://host[:port] address, got {value!r}")
    if parts.scheme == "http" and not _is_loopback(parts.hostname):
        raise ConfigurationError(
            f"{name} may use plain http only for a server on this machine "
            f"(127.0.0.1, ::1, localhost); use https for {parts.hostname!r}"
        )
    return value.rstrip("/")


@dataclass(frozen=True)
class ObjectStoreSettings:
    """Where document files live when they are not on the local disk: an S3 bucket."""

    bucket: str
    prefix: str = ""
    endpoint: str | None = field(
        default=None,
        metadata=declare(
            "AWS_ENDPOINT_URL",
            text(_endpoint, "http(s)://host[:port]"),
            "an S3-compatible server instead of AWS; plain http only to this machine",
            default_text="AWS's endpoint of the region",
        ),
    )
    region: str = field(
        default="us-east-1",
        metadata=declare(
            "AWS_REGION",
            text(),
            "the bucket's region (AWS_DEFAULT_REGION is read when this is unset)",
            alias="AWS_DEFAULT_REGION",
        ),
    )
    access_key_id: str | None = field(
        default=None,
        metadata=declare(
            "AWS_ACCESS_KEY_ID",
            text(),
            "the key the bucket is reached with; refused without AWS_SECRET_ACCESS_KEY",
        ),
    )
    secret_access_key: str | None = field(
        default=None,
        repr=False,
        metadata=declare(
            "AWS_SECRET_ACCESS_KEY", text(), "its secret; refused without AWS_ACCESS_KEY_ID"
        ),
    )
    session_token: str | None = field(
        default=None,
        repr=False,
        metadata=declare("AWS_SESSION_TOKEN", text(), "a temporary credential's token"),
    )

    @property
    def allow_http(self) -> bool:
        """Plain HTTP only to a server on this machine, never across a network."""
        return self.endpoint is not None and self.endpoint.startswith("http://")

    @property
    def location(self) -> str:
        """The bucket as OVERDRACHT_FILE_STORE names it, to record and compare where files are."""
        return f"s3://{self.bucket}/{self.prefix}" if self.prefix else f"s3://{self.bucket}"


_BUCKET_RE = re.compile(r"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")
_PREFIX_RE = re.compile(r"^[A-Za-z0-9!_.*'()/-]*$")
_FILE_STORE_FORM = "s3://BUCKET or s3://BUCKET/PREFIX (unset: the local directory)"


def _bucket(name: str, raw: str, env: Mapping[str, str], form: str) -> ObjectStoreSettings:
    """The bucket a location names, with the AWS variables of `env` that reach it."""
    value = raw.strip()
    if not value.startswith("s3://"):
        raise ConfigurationError(f"{name} must be {form}, got {value!r}")
    bucket, _, prefix = value.removeprefix("s3://").partition("/")
    prefix = prefix.strip("/")
    segments = prefix.split("/") if prefix else []
    if (
        not _BUCKET_RE.match(bucket)
        or ".." in bucket
        or not _PREFIX_RE.match(prefix)
        or any(segment in ("", ".", "..") for segment in segments)
    ):
        raise ConfigurationError(f"{name} must be {form}, got {value!r}")
    store = ObjectStoreSettings(bucket, prefix, **_declared_values(ObjectStoreSettings, env))
    if (store.access_key_id is None) != (store.secret_access_key is None):
        missing = (
            "AWS_SECRET_ACCESS_KEY" if store.secret_access_key is None else "AWS_ACCESS_KEY_ID"
        )
        raise ConfigurationError(
            f"{missing} is missing: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY go together"
        )
    return store


def _file_store(name: str, raw: str, env: Mapping[str, str]) -> ObjectStoreSettings:
    return _bucket(name, raw, env, _FILE_STORE_FORM)


class MoveVerification(StrEnum):
    """How a move proves every file is in the store as it was recorded, before ownership moves."""

    # Every file read back and its SHA-256 recomputed: the default on the local disk.
    READ = "READ"
    # The store's own listing: every file present with its recorded size and MD5 (the ETag).
    LISTING = "LISTING"


_VERIFY_CHOICE = choice("read", "listing")


def _move_verify(name: str, raw: str, env: Mapping[str, str]) -> MoveVerification:
    return MoveVerification(_VERIFY_CHOICE.parse(name, raw, env).upper())


_DEFAULT_PORTS = {"http": 80, "https": 443}


def web_origin(url: str) -> str | None:
    """The origin of an http(s) URL as a browser's Origin header writes it, or None.

    Scheme and host in lowercase and the scheme's default port left out, so that
    `HTTPS://App.Example:443` and the `https://app.example` a browser sends compare equal.
    """
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        return None
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    if port is not None and port != _DEFAULT_PORTS[scheme]:
        host = f"{host}:{port}"
    return f"{scheme}://{host}"


def _cors_origins(name: str, raw: str, env: Mapping[str, str]) -> tuple[str, ...]:
    """Exact origins, comma-separated; a wildcard is refused.

    A `*` would let any page on the web call the API and open its WebSocket: list the
    frontends' origins instead.
    """
    origins: list[str] = []
    for given in (part.strip() for part in raw.split(",")):
        if not given:
            continue
        if given == "*":
            raise ConfigurationError(
                f"{name} takes exact origins such as https://app.example, "
                "not '*': any page on the web could then call the API in its users' browsers"
            )
        origin = web_origin(given)
        parts = urlsplit(given)
        if (
            origin is None
            or parts.path not in ("", "/")
            or parts.query
            or parts.fragment
            or "?" in given
            or "#" in given
            or parts.username is not None
        ):
            raise ConfigurationError(
                f"{name} must list origins as scheme://host[:port] "
                f"(http or https, no path), separated by commas, got {given!r}"
            )
        if origin not in origins:
            origins.append(origin)
    return tuple(origins)


# The highest OVERDRACHT_MAX_ADMINISTRATIONS_PER_OFFER may be (a whole-practice takeover), so
# no offer, made under any setting, holds more.
MOST_ADMINISTRATIONS_PER_OFFER = 1000

PROGRESS_UPDATES = ("notify", "poll")


# Marks a field that holds settings of their own dataclass, each declared there.
_GROUP = "overdracht.settings-group"


@dataclass(frozen=True)
class Settings:
    """Every setting of the service, so nothing reads os.environ after start-up."""

    database_url: str = field(
        default="sqlite://var/overdracht.sqlite3",
        metadata=declare(
            "OVERDRACHT_DATABASE_URL",
            text(database_url, "sqlite://, postgres:// or asyncpg:// URL"),
            "the database: SQLite for one process, PostgreSQL for several",
        ),
    )
    data_dir: Path = field(
        default=Path("var/data"),
        metadata=declare(
            "OVERDRACHT_DATA_DIR", directory(), "where document files live when no bucket is named"
        ),
    )
    smtp: SmtpSettings = field(default_factory=SmtpSettings, metadata={_GROUP: SmtpSettings})
    inbound_mail_domain: str = field(
        default="inbound.overdracht.example",
        metadata=declare(
            "OVERDRACHT_INBOUND_MAIL_DOMAIN",
            text(domain, "domain name"),
            "the domain of the administrations' inbound mail addresses",
        ),
    )
    offer_validity: timedelta = field(
        default=timedelta(days=15),
        metadata=declare(
            "OVERDRACHT_OFFER_VALIDITY_SECONDS",
            seconds(DAY, 3650 * DAY),
            "how long a transfer code is valid; with the attempt limits it bounds guessing "
            "(rule 9)",
        ),
    )
    migration_price: Price = field(
        default=Price(),
        metadata=declare(
            "OVERDRACHT_MIGRATION_PRICE",
            Kind(
                "amount with an optional ISO currency (`125,50 usd`)",
                _price,
                show=lambda price: f"{price.amount} {price.currency}",
            ),
            "what moving one administration costs the receiver: shown in the preview, billed at "
            "completion (rule 8)",
        ),
    )
    max_administrations_per_offer: int = field(
        default=5,
        metadata=declare(
            "OVERDRACHT_MAX_ADMINISTRATIONS_PER_OFFER",
            whole(1, MOST_ADMINISTRATIONS_PER_OFFER, "administrations"),
            "the most administrations one offer may hold",
        ),
    )
    code_attempts_per_user: int = field(
        default=5,
        metadata=declare(
            "OVERDRACHT_CODE_ATTEMPTS_PER_USER",
            whole(1, 1000, "per 15 minutes"),
            "wrong transfer codes one user may enter (rule 9); start refuses limits that make "
            "guessing pay",
        ),
    )
    code_attempts_per_office: int = field(
        default=20,
        metadata=declare(
            "OVERDRACHT_CODE_ATTEMPTS_PER_OFFICE",
            whole(1, 1_000_000, "per hour"),
            "wrong codes an office's users who already entered one may enter between them (rule 9)",
        ),
    )
    recipient_checks_per_hour: int = field(
        default=20,
        metadata=declare(
            "OVERDRACHT_RECIPIENT_CHECKS_PER_HOUR",
            whole(10, 10_000, "per hour"),
            "different addresses one user may look up as recipients (rule 7)",
        ),
    )
    resend_limit_per_hour: int = field(
        default=3,
        metadata=declare(
            "OVERDRACHT_RESEND_LIMIT_PER_HOUR",
            whole(1, 100, "per hour"),
            "how often one offer's mail may be sent again",
        ),
    )
    # Fixed limits of the API, not read from the environment.
    max_page_size: int = 100
    max_query_depth: int = 12
    max_aliases: int = 30
    max_tokens: int = 2000
    max_query_cost: int = field(
        default=10_000,
        metadata=declare(
            "OVERDRACHT_MAX_QUERY_COST",
            whole(1, unit="nodes"),
            "the most nodes one request may return, counted before it runs",
        ),
    )
    max_response_bytes: int = field(
        default=10 * 1024 * 1024,
        metadata=declare(
            "OVERDRACHT_MAX_RESPONSE_BYTES",
            whole(1024, unit="bytes"),
            "the largest JSON response; above it the request gets RESPONSE_TOO_LARGE",
        ),
    )
    max_request_bytes: int = field(
        default=1024 * 1024,
        metadata=declare(
            "OVERDRACHT_MAX_REQUEST_BYTES",
            whole(1024, unit="bytes"),
            "the largest request body and GET query string; above it 413 (414 for the query "
            "string)",
        ),
    )
    request_timeout_seconds: float = field(
        default=30.0,
        metadata=declare(
            "OVERDRACHT_REQUEST_TIMEOUT_SECONDS",
            whole_seconds(1, 3600),
            "how long one GraphQL request may run before it is stopped with REQUEST_TIMEOUT",
        ),
    )
    public_url: str = field(
        default="http://127.0.0.1:8000",
        metadata=declare(
            "OVERDRACHT_PUBLIC_URL",
            text(base_url, "URL"),
            "where the service itself is reached (`./dev up`: its HOST and PORT)",
        ),
    )
    frontend_url: str = field(
        default="http://127.0.0.1:8000",
        metadata=declare(
            "OVERDRACHT_FRONTEND_URL",
            text(base_url, "URL"),
            "the frontend the mails link to",
            follows="public_url",
            default_text="the value of OVERDRACHT_PUBLIC_URL",
        ),
    )
    frontend_code_path: str = field(
        default="/receive",
        metadata=declare(
            "OVERDRACHT_FRONTEND_CODE_PATH",
            text(url_path, "path"),
            "the frontend's page where a superuser enters a transfer code (never in the URL)",
        ),
    )
    frontend_overview_path: str = field(
        default="/migrations",
        metadata=declare(
            "OVERDRACHT_FRONTEND_OVERVIEW_PATH",
            text(url_path, "path"),
            "the frontend's migration overview; an offer's page is under it: /offers/<its ID>",
        ),
    )
    time_zone: str = field(
        default="Europe/Amsterdam",
        metadata=declare(
            "OVERDRACHT_TIME_ZONE",
            text(time_zone, "IANA time zone"),
            "the zone times are written in (mails, the screens) and typed dates are read in",
        ),
    )
    mail_max_age: timedelta = field(
        default=timedelta(days=2),
        metadata=declare(
            "OVERDRACHT_MAIL_MAX_AGE_SECONDS",
            seconds(1, 365 * DAY),
            "how long a deferred mail is retried; then its recipient counts as refused, so "
            "nothing is retried forever",
        ),
    )
    reminder_before_expiry: timedelta = field(
        default=timedelta(days=3),
        metadata=declare(
            "OVERDRACHT_REMINDER_BEFORE_EXPIRY_SECONDS",
            seconds(0, 365 * DAY),
            "how long before an offer expires its recipients are reminded; 0 sends no reminders",
        ),
    )
    move_batch_size: int = field(
        default=1000,
        metadata=declare(
            "OVERDRACHT_MOVE_BATCH_SIZE",
            whole(1, unit="documents"),
            "documents a move verifies per batch",
        ),
    )
    move_lease: timedelta = field(
        default=timedelta(minutes=2),
        metadata=declare(
            "OVERDRACHT_MOVE_LEASE_SECONDS",
            seconds(1, DAY),
            "how long a worker holds a move without progress before another takes it over; "
            "must be longer than OVERDRACHT_FILE_READ_TIMEOUT_SECONDS",
        ),
    )
    move_start_delay: timedelta = field(
        default=timedelta(0),
        metadata=declare(
            "OVERDRACHT_MOVE_START_DELAY_SECONDS",
            seconds(0, 3600),
            "how long a queued move waits before a worker may start it, so a demo can show the "
            "queue and its cancel; 0 in production",
        ),
    )
    move_not_before_max: timedelta = field(
        default=timedelta(days=30),
        metadata=declare(
            "OVERDRACHT_MOVE_NOT_BEFORE_MAX_SECONDS",
            seconds(DAY, 365 * DAY),
            "how far ahead a receiver may set the moment a move must not start before (notBefore)",
        ),
    )
    moves_per_office: int = field(
        default=2,
        metadata=declare(
            "OVERDRACHT_MOVES_PER_OFFICE",
            whole(1, 1000, "moves"),
            "moves of one receiving office that run at once, so one office's takeover never "
            "keeps another office's move from starting",
        ),
    )
    file_read_timeout: timedelta = field(
        default=timedelta(seconds=30),
        metadata=declare(
            "OVERDRACHT_FILE_READ_TIMEOUT_SECONDS",
            seconds(1, 3600),
            "the deadline of one file read of a move or a download; past it the move fails",
        ),
    )
    file_write_timeout: timedelta = field(
        default=timedelta(seconds=30),
        metadata=declare(
            "OVERDRACHT_FILE_WRITE_TIMEOUT_SECONDS",
            seconds(1, 3600),
            "the deadline of storing one file",
        ),
    )
    object_store: ObjectStoreSettings | None = field(
        default=None,
        metadata=declare(
            "OVERDRACHT_FILE_STORE",
            Kind("s3://BUCKET or s3://BUCKET/PREFIX", _file_store),
            "an S3-compatible bucket for the document files, reached with the AWS variables",
            default_text="unset: a directory under OVERDRACHT_DATA_DIR",
            companions=ObjectStoreSettings,
        ),
    )
    max_document_bytes: int = field(
        default=100 * 1024 * 1024,
        metadata=declare(
            "OVERDRACHT_MAX_DOCUMENT_BYTES",
            whole(1, 5 * 1024**3, "bytes"),
            "the largest file a document may have; S3 takes at most 5 GiB in the one part "
            "uploads use",
        ),
    )
    move_verify: MoveVerification | None = field(
        default=None,
        metadata=declare(
            "OVERDRACHT_MOVE_VERIFY",
            Kind(_VERIFY_CHOICE.name, _move_verify),
            "how a move proves its files: `read` recomputes each SHA-256, `listing` matches the "
            "bucket's sizes and MD5s",
            default_text="`read` on the local disk, `listing` on a bucket",
        ),
    )
    scrub_files_per_second: float = field(
        default=10.0,
        metadata=declare(
            "OVERDRACHT_SCRUB_FILES_PER_SECOND",
            rate(100_000, "files per second"),
            "stored files re-read to find bytes damaged at rest, shared by all workers; 0: none",
        ),
    )
    background_jobs: bool = field(
        default=True,
        metadata=declare(
            "OVERDRACHT_BACKGROUND_JOBS",
            flag(),
            "run the background loops inside `overdracht serve`; false when separate workers do",
        ),
    )
    log_format: str = field(
        default="text",
        metadata=declare(
            "OVERDRACHT_LOG_FORMAT",
            choice("text", "json"),
            "`json` writes one object per log line, with the request id",
        ),
    )
    # How often a subscriber reads progress when nothing pushes it; fixed.
    progress_poll_interval: float = 0.5
    progress_updates: str = field(
        default="notify",
        metadata=declare(
            "OVERDRACHT_PROGRESS_UPDATES",
            choice(
                *PROGRESS_UPDATES,
                why_these=" (PostgreSQL's LISTEN/NOTIFY, or polling behind a pooler in transaction "
                "mode, such as PgBouncer)",
            ),
            "how progress reaches open sockets on PostgreSQL: `poll` behind a pooler in "
            "transaction mode (PgBouncer), where LISTEN does not work; SQLite always polls",
        ),
    )
    token_recheck_seconds: float = field(
        default=2.0,
        metadata=declare(
            "OVERDRACHT_TOKEN_RECHECK_SECONDS",
            whole_seconds(1, 3600),
            "how soon a quiet WebSocket learns its token was revoked or expired when no news comes",
        ),
    )
    websocket_compression: bool = field(
        default=False,
        metadata=declare(
            "OVERDRACHT_WEBSOCKET_COMPRESSION",
            flag(),
            "offer permessage-deflate on WebSockets in `overdracht serve`: live messages are small "
            "JSON, so it saves little traffic and costs memory per socket (about 40 KiB)",
        ),
    )
    graphiql_assets_dir: Path | None = field(
        default=None,
        metadata=declare(
            "OVERDRACHT_GRAPHIQL_ASSETS_DIR",
            directory(),
            "where `overdracht graphiql-assets` puts GraphiQL's files (for a read-only install)",
            default_text="inside the installed package",
        ),
    )
    web_dir: Path | None = field(
        default=None,
        metadata=declare(
            "OVERDRACHT_WEB_DIR",
            directory(),
            "the built office screens the service serves at /",
            default_text="web/dist beside the source, where `./dev up` builds them",
        ),
    )
    demo_sign_in: bool = field(
        default=False,
        metadata=declare(
            "OVERDRACHT_DEMO_SIGN_IN",
            flag(),
            "the sign-in page offers the demo's users, only while the database holds nothing but "
            "the demo world; only `./dev up` sets it",
        ),
    )
    cors_origins: tuple[str, ...] = field(
        default=(),
        metadata=declare(
            "OVERDRACHT_CORS_ORIGINS",
            Kind("origins (scheme://host[:port]), comma-separated", _cors_origins),
            "frontends on other origins that may call the API from a browser and open its "
            "WebSocket; `*` is refused",
            default_text="none",
        ),
    )
    download_link_lifetime: timedelta = field(
        default=timedelta(minutes=5),
        metadata=declare(
            "OVERDRACHT_DOWNLOAD_LINK_SECONDS",
            seconds(10, 3600),
            "how long a Document.downloadUrl opens without the Authorization header",
        ),
    )

    webhook_timeout: timedelta = field(
        default=timedelta(seconds=10),
        metadata=declare(
            "OVERDRACHT_WEBHOOK_TIMEOUT_SECONDS",
            seconds(1, 300),
            "how long one webhook delivery may take, connecting and answering together",
        ),
    )
    webhook_retry_period: timedelta = field(
        default=timedelta(days=3),
        metadata=declare(
            "OVERDRACHT_WEBHOOK_RETRY_SECONDS",
            seconds(60, 30 * DAY),
            "how long a webhook delivery is tried again, backing off; then it is given up",
        ),
    )
    webhook_disable_after: timedelta = field(
        default=timedelta(days=3),
        metadata=declare(
            "OVERDRACHT_WEBHOOK_DISABLE_AFTER_SECONDS",
            seconds(60, 30 * DAY),
            "how long an endpoint may fail every delivery before it is disabled and the "
            "office's superusers are told",
        ),
    )
    webhook_allow_private_targets: bool = field(
        default=False,
        metadata=declare(
            "OVERDRACHT_WEBHOOK_ALLOW_PRIVATE_TARGETS",
            flag(),
            "webhook endpoints may use `http://` and private, loopback or link-local addresses "
            "(tests, installations on a private network)",
        ),
    )

    @property
    def move_verification(self) -> MoveVerification:
        """How moves verify the archive: the setting, or the store's natural way."""
        if self.move_verify is not None:
            return self.move_verify
        return MoveVerification.READ if self.object_store is None else MoveVerification.LISTING

    @property
    def code_entry_url(self) -> str:
        """The frontend page where a superuser enters a transfer code (never in the URL)."""
        return self.frontend_url + self.frontend_code_path

    @property
    def overview_url(self) -> str:
        """The frontend page with the migration overviews."""
        return self.frontend_url + self.frontend_overview_path

    def offer_page_url(self, migration_id: str) -> str:
        """The frontend page of one offer, under the overview, by its global ID (never its code)."""
        return f"{self.overview_url.rstrip('/')}/offers/{quote(migration_id, safe='')}"

    @property
    def file_store_location(self) -> str:
        """Where these settings keep document files: `local`, or the bucket's s3:// location."""
        return LOCAL_FILE_STORE if self.object_store is None else self.object_store.location

    def with_overrides(self, **changes: object) -> Settings:
        """Return a copy with some settings replaced, for tests and the CLI."""
        return replace(self, **changes)  # type: ignore[arg-type]


@dataclass(frozen=True)
class DeclaredSetting:
    """One variable as the configuration reference lists it: its declaration and default."""

    declared: Declared
    default: object


def declared_settings(of: type = Settings) -> list[DeclaredSetting]:
    """Every variable the settings read, in the order they are declared, companions included."""
    found: list[DeclaredSetting] = []
    for item in fields(of):
        group = item.metadata.get(_GROUP)
        if group is not None:
            found += declared_settings(group)
            continue
        declared: Declared | None = item.metadata.get(SETTING)
        if declared is None:
            continue
        found.append(DeclaredSetting(declared, item.default))
        if declared.companions is not None:
            found += declared_settings(declared.companions)
    return found


def _declared_values(of: type, env: Mapping[str, str]) -> dict[str, Any]:
    """The values the environment gives the declared fields of `of`; unset ones keep defaults."""
    values: dict[str, Any] = {}
    following: list[tuple[str, str]] = []
    defaults = {item.name: item.default for item in fields(of)}
    for item in fields(of):
        group = item.metadata.get(_GROUP)
        if group is not None:
            values[item.name] = group(**_declared_values(group, env))
            continue
        declared: Declared | None = item.metadata.get(SETTING)
        if declared is None:
            continue
        name = declared.env
        raw = env.get(name)
        if (raw is None or not raw.strip()) and declared.alias is not None:
            name, raw = declared.alias, env.get(declared.alias)
        if raw is None or not raw.strip():
            if declared.follows is not None:
                following.append((item.name, declared.follows))
            continue
        values[item.name] = declared.kind.parse(name, raw, env)
    for name, leader in following:
        values[name] = values.get(leader, defaults[leader])
    return values


# Variables this service once read under another name or unit: setting one is refused, so an
# old deployment does not run silently on the default.
RENAMED = {
    "OVERDRACHT_OFFER_VALIDITY_DAYS": "OVERDRACHT_OFFER_VALIDITY_SECONDS",
    "OVERDRACHT_REMINDER_DAYS_BEFORE_EXPIRY": "OVERDRACHT_REMINDER_BEFORE_EXPIRY_SECONDS",
    "OVERDRACHT_MAIL_MAX_AGE": "OVERDRACHT_MAIL_MAX_AGE_SECONDS",
}


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Read the settings once; a bad value raises ConfigurationError naming the variable."""
    env = os.environ if env is None else env
    for old, new in RENAMED.items():
        if env.get(old):
            raise ConfigurationError(
                f"{old} is no longer read: set {new} instead, in seconds (a day is {DAY})"
            )
    settings = Settings(**_declared_values(Settings, env))
    _refuse_contradictions(settings)
    return settings


def object_store_at(location: str, env: Mapping[str, str] | None = None) -> ObjectStoreSettings:
    """A bucket named like OVERDRACHT_FILE_STORE, reached with the AWS variables of `env`.

    For a command that is told where to write (`storage copy --to s3://…`) rather than
    reading it from OVERDRACHT_FILE_STORE; refused in the same words as that setting.
    """
    env = os.environ if env is None else env
    return _bucket("--to", location, env, "s3://BUCKET or s3://BUCKET/PREFIX")


def _refuse_contradictions(settings: Settings) -> None:
    """Settings each fine on their own but not together are refused at start, naming both:
    otherwise the service starts and misbehaves only when the fault they guard against comes."""
    lease = int(settings.move_lease.total_seconds())
    read = int(settings.file_read_timeout.total_seconds())
    if lease <= read:
        raise ConfigurationError(
            f"OVERDRACHT_MOVE_LEASE_SECONDS ({lease}) must be longer than "
            f"OVERDRACHT_FILE_READ_TIMEOUT_SECONDS ({read}): with a file store that stops "
            "answering, the lease would run out before the read gives up and the move would "
            "start again for ever instead of failing as STORAGE_UNAVAILABLE"
        )
    if settings.move_verify == MoveVerification.LISTING and settings.object_store is None:
        raise ConfigurationError(
            "OVERDRACHT_MOVE_VERIFY=listing needs OVERDRACHT_FILE_STORE=s3://…: the local disk "
            "keeps no checksums a listing could show; use read"
        )
    smtp = settings.smtp
    if (smtp.username is None) != (smtp.password is None):
        given, missing = (
            ("OVERDRACHT_SMTP_PASSWORD", "OVERDRACHT_SMTP_USERNAME")
            if smtp.username is None
            else ("OVERDRACHT_SMTP_USERNAME", "OVERDRACHT_SMTP_PASSWORD")
        )
        raise ConfigurationError(
            f"{given} is set but {missing} is not: they go together (without a username "
            "the password is never used; without a password the login fails)"
        )
