"""Configuration, read once from the environment, refused early naming the bad setting."""

from __future__ import annotations

import ipaddress
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import timedelta
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from pathlib import Path
from urllib.parse import quote, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


class ConfigurationError(ValueError):
    """Raised at start-up so a wrong setting is named before anything runs."""


_DOMAIN_RE = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")
_SMTP_TLS_MODES = ("none", "starttls", "tls")


_PRICE_RE = re.compile(r"^\s*(\d{1,9}(?:[.,]\d{1,2})?)\s*([A-Za-z]{3})?\s*$")


@dataclass(frozen=True)
class Price:
    """What moving one administration costs the receiver (rule 8)."""

    amount: Decimal = Decimal("49.00")
    currency: str = "EUR"


@dataclass(frozen=True)
class SmtpSettings:
    """Where outgoing mail is delivered."""

    host: str = "127.0.0.1"
    port: int = 8025
    username: str | None = None
    password: str | None = None
    tls: str = "none"
    sender: str = "Overdracht <noreply@overdracht.example>"
    timeout_seconds: float = 10.0


# How the local directory under OVERDRACHT_DATA_DIR is named where a location is recorded.
LOCAL_FILE_STORE = "local"


@dataclass(frozen=True)
class ObjectStoreSettings:
    """Where document files live when they are not on the local disk: an S3 bucket."""

    bucket: str
    prefix: str = ""
    # None means the AWS endpoint of the region; any S3-compatible server otherwise.
    endpoint: str | None = None
    region: str = "us-east-1"
    access_key_id: str | None = None
    secret_access_key: str | None = field(default=None, repr=False)
    session_token: str | None = field(default=None, repr=False)

    @property
    def allow_http(self) -> bool:
        """Plain HTTP only to a server on this machine, never across a network."""
        return self.endpoint is not None and self.endpoint.startswith("http://")

    @property
    def location(self) -> str:
        """The bucket as OVERDRACHT_FILE_STORE names it, to record and compare where files are."""
        return f"s3://{self.bucket}/{self.prefix}" if self.prefix else f"s3://{self.bucket}"


class MoveVerification(StrEnum):
    """How a move proves every file is in the store as it was recorded, before ownership moves."""

    # Every file read back and its SHA-256 recomputed: the default on the local disk.
    READ = "READ"
    # The store's own listing: every file present with its recorded size and MD5 (the ETag).
    LISTING = "LISTING"


# The highest OVERDRACHT_MAX_ADMINISTRATIONS_PER_OFFER may be (a whole-practice takeover), so
# no offer, made under any setting, holds more.
MOST_ADMINISTRATIONS_PER_OFFER = 1000


@dataclass(frozen=True)
class Settings:
    """Every setting of the service, so nothing reads os.environ after start-up."""

    database_url: str = "sqlite://var/overdracht.sqlite3"
    data_dir: Path = Path("var/data")
    smtp: SmtpSettings = field(default_factory=SmtpSettings)
    inbound_mail_domain: str = "inbound.overdracht.example"
    offer_validity: timedelta = timedelta(days=15)
    migration_price: Price = field(default_factory=Price)
    max_administrations_per_offer: int = 5
    # Wrong transfer codes a user may enter per 15 minutes, and an office's users who already
    # entered a wrong one per hour (rule 9); start-up refuses limits that make guessing pay.
    code_attempts_per_user: int = 5
    code_attempts_per_office: int = 20
    # Different addresses one user may look up as recipients per hour (rule 7).
    recipient_checks_per_hour: int = 20
    # Times one offer's mail may be sent again per hour.
    resend_limit_per_hour: int = 3
    max_page_size: int = 100
    max_query_depth: int = 12
    max_aliases: int = 30
    max_tokens: int = 2000
    max_query_cost: int = 10_000
    max_response_bytes: int = 10 * 1024 * 1024
    max_request_bytes: int = 1024 * 1024
    request_timeout_seconds: float = 30.0
    public_url: str = "http://127.0.0.1:8000"
    # Where mails link to: the frontend, its page for entering a code and its overview.
    frontend_url: str = "http://127.0.0.1:8000"
    frontend_code_path: str = "/receive"
    frontend_overview_path: str = "/migrations"
    time_zone: str = "Europe/Amsterdam"
    # A mail not delivered within this time is given up as refused; nothing is retried forever.
    mail_max_age: timedelta = timedelta(days=2)
    # The recipients are reminded this long before an offer expires (0: no reminder).
    reminder_before_expiry: timedelta = timedelta(days=3)
    move_batch_size: int = 1000
    move_lease: timedelta = timedelta(minutes=2)
    # A queued move waits this long before a worker may start it, so a demo can show the queue
    # and its cancel; 0 (production) starts it as soon as a worker is free.
    move_start_delay: timedelta = timedelta(0)
    # How far ahead a receiver may set the moment a move must not start before (notBefore).
    move_not_before_max: timedelta = timedelta(days=30)
    # Moves of one receiving office that run at once, so one takeover never holds up the rest.
    moves_per_office: int = 2
    # Every file read of a move (and of a download) must finish within this time.
    file_read_timeout: timedelta = timedelta(seconds=30)
    # Storing one file must finish within this time.
    file_write_timeout: timedelta = timedelta(seconds=30)
    # None: files in a directory under data_dir; otherwise an S3-compatible bucket.
    object_store: ObjectStoreSettings | None = None
    # The largest file a document may have; S3 takes at most 5 GiB in the one part uploads use.
    max_document_bytes: int = 100 * 1024 * 1024
    # None: from the store's listing on object storage, by reading every file on the disk.
    move_verify: MoveVerification | None = None
    # Stored files re-read per second to find bytes damaged at rest (0: no scrubbing).
    scrub_files_per_second: float = 10.0
    background_jobs: bool = True
    log_format: str = "text"  # or "json": one object per line, with the request id
    progress_poll_interval: float = 0.5
    # How live progress reaches subscribers on PostgreSQL: "notify" (LISTEN/NOTIFY, nothing per
    # subscriber while nothing changes) or "poll" (behind a pooler in transaction mode, such as
    # PgBouncer, where LISTEN does not work). SQLite always polls.
    progress_updates: str = "notify"
    # How soon an open WebSocket learns that its token was revoked or expired.
    token_recheck_seconds: float = 2.0
    # Where `overdracht graphiql-assets` puts GraphiQL's files; None: inside the installed package.
    graphiql_assets_dir: Path | None = None
    # The built screens (web/dist); None: web/dist beside the source, where `./dev up` builds them.
    web_dir: Path | None = None
    # The sign-in page offers the demo world's users; only `./dev up` turns this on, and even then
    # they are listed only while the database holds nothing but the demo world.
    demo_sign_in: bool = False
    # The origins (scheme://host[:port]) of frontends on other origins than the service that may
    # call the API from a browser (CORS) and open its WebSocket; none by default.
    cors_origins: tuple[str, ...] = ()
    # How long a `Document.downloadUrl` opens without the Authorization header.
    download_link_lifetime: timedelta = timedelta(minutes=5)

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


def _int(
    env: Mapping[str, str], name: str, default: int, minimum: int = 0, maximum: int = 10**9
) -> int:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigurationError(f"{name} must be a whole number, got {raw!r}") from None
    if value < minimum:
        raise ConfigurationError(f"{name} must be at least {minimum}, got {value}")
    if value > maximum:
        raise ConfigurationError(f"{name} must be at most {maximum:,}, got {value:,}")
    return value


def _flag(env: Mapping[str, str], name: str, default: bool) -> bool:
    raw = (env.get(name) or "").strip().lower()
    if not raw:
        return default
    if raw in ("1", "true", "yes", "on"):
        return True
    if raw in ("0", "false", "no", "off"):
        return False
    raise ConfigurationError(f"{name} must be true or false, got {raw!r}")


def _price(env: Mapping[str, str]) -> Price:
    raw = env.get("OVERDRACHT_MIGRATION_PRICE")
    if raw is None or raw.strip() == "":
        return Price()
    match = _PRICE_RE.match(raw)
    if match is None:
        raise ConfigurationError(
            "OVERDRACHT_MIGRATION_PRICE must be an amount with an optional currency, "
            f"like '49.00 EUR', got {raw!r}"
        )
    try:
        amount = Decimal(match.group(1).replace(",", ".")).quantize(Decimal("0.01"))
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        raise ConfigurationError(f"OVERDRACHT_MIGRATION_PRICE: bad amount {raw!r}") from None
    return Price(amount=amount, currency=(match.group(2) or "EUR").upper())


_DURATION_RE = re.compile(r"^\s*(\d{1,7})\s*([smhd]?)\s*$")
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def _duration(env: Mapping[str, str], name: str, default: timedelta) -> timedelta:
    raw = env.get(name)
    if raw is None or raw.strip() == "":
        return default
    match = _DURATION_RE.match(raw.lower())
    if match is None or int(match.group(1)) == 0:
        raise ConfigurationError(
            f"{name} must be a positive duration such as 2d, 36h, 90m or 600s, got {raw!r}"
        )
    return timedelta(seconds=int(match.group(1)) * _UNITS[match.group(2)])


def _log_format(env: Mapping[str, str]) -> str:
    value = (env.get("OVERDRACHT_LOG_FORMAT") or "text").strip().lower()
    if value not in ("text", "json"):
        raise ConfigurationError(f"OVERDRACHT_LOG_FORMAT must be text or json, got {value!r}")
    return value


PROGRESS_UPDATES = ("notify", "poll")


def _progress_updates(env: Mapping[str, str]) -> str:
    value = (env.get("OVERDRACHT_PROGRESS_UPDATES") or Settings.progress_updates).strip().lower()
    if value not in PROGRESS_UPDATES:
        raise ConfigurationError(
            "OVERDRACHT_PROGRESS_UPDATES must be notify (PostgreSQL's LISTEN/NOTIFY) or poll "
            f"(behind a pooler in transaction mode, such as PgBouncer), got {value!r}"
        )
    return value


def _time_zone(env: Mapping[str, str]) -> str:
    name = (env.get("OVERDRACHT_TIME_ZONE") or Settings.time_zone).strip()
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise ConfigurationError(
            f"OVERDRACHT_TIME_ZONE must be an IANA time zone such as Europe/Amsterdam, got {name!r}"
        ) from None
    return name


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


def _cors_origins(env: Mapping[str, str]) -> tuple[str, ...]:
    """OVERDRACHT_CORS_ORIGINS: exact origins, comma-separated; a wildcard is refused.

    A `*` would let any page on the web call the API and open its WebSocket: list the
    frontends' origins instead.
    """
    raw = env.get("OVERDRACHT_CORS_ORIGINS") or ""
    origins: list[str] = []
    for given in (part.strip() for part in raw.split(",")):
        if not given:
            continue
        if given == "*":
            raise ConfigurationError(
                "OVERDRACHT_CORS_ORIGINS takes exact origins such as https://app.example, "
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
                "OVERDRACHT_CORS_ORIGINS must list origins as scheme://host[:port] "
                f"(http or https, no path), separated by commas, got {given!r}"
            )
        if origin not in origins:
            origins.append(origin)
    return tuple(origins)


def _path(env: Mapping[str, str], name: str, default: str) -> str:
    raw = (env.get(name) or default).strip()
    if not raw.startswith("/") or "?" in raw or "#" in raw or " " in raw:
        raise ConfigurationError(f"{name} must be a path starting with '/', got {raw!r}")
    return raw.rstrip("/") or "/"


def _database_url(env: Mapping[str, str]) -> str:
    url = env.get("OVERDRACHT_DATABASE_URL") or Settings.database_url
    scheme = url.split("://", 1)[0] if "://" in url else ""
    if scheme not in ("sqlite", "postgres", "asyncpg"):
        raise ConfigurationError(
            "OVERDRACHT_DATABASE_URL must start with sqlite://, postgres:// or asyncpg://, "
            f"got {url!r}"
        )
    return url


_BUCKET_RE = re.compile(r"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")
_PREFIX_RE = re.compile(r"^[A-Za-z0-9!_.*'()/-]*$")
_FILE_STORE_FORM = "s3://BUCKET or s3://BUCKET/PREFIX (unset: the local directory)"


def _is_loopback(host: str) -> bool:
    """Whether a host name is this machine, the one place plain HTTP may go."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _endpoint(env: Mapping[str, str]) -> str | None:
    """The S3-compatible server to talk to instead of AWS, if AWS_ENDPOINT_URL names one."""
    raw = (env.get("AWS_ENDPOINT_URL") or "").strip()
    if not raw:
        return None
    parts = urlsplit(raw)
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
        raise ConfigurationError(
            f"AWS_ENDPOINT_URL must be an http(s)://host[:port] address, got {raw!r}"
        )
    if parts.scheme == "http" and not _is_loopback(parts.hostname):
        raise ConfigurationError(
            "AWS_ENDPOINT_URL may use plain http only for a server on this machine "
            f"(127.0.0.1, ::1, localhost); use https for {parts.hostname!r}"
        )
    return raw.rstrip("/")


def _object_store(
    env: Mapping[str, str],
    name: str = "OVERDRACHT_FILE_STORE",
    form: str = _FILE_STORE_FORM,
) -> ObjectStoreSettings | None:
    """The bucket of OVERDRACHT_FILE_STORE with the usual AWS variables, or None for the disk."""
    raw = (env.get("OVERDRACHT_FILE_STORE") or "").strip()
    if not raw:
        return None
    if not raw.startswith("s3://"):
        raise ConfigurationError(f"{name} must be {form}, got {raw!r}")
    bucket, _, prefix = raw.removeprefix("s3://").partition("/")
    prefix = prefix.strip("/")
    segments = prefix.split("/") if prefix else []
    if (
        not _BUCKET_RE.match(bucket)
        or ".." in bucket
        or not _PREFIX_RE.match(prefix)
        or any(segment in ("", ".", "..") for segment in segments)
    ):
        raise ConfigurationError(f"{name} must be {form}, got {raw!r}")
    key_id = env.get("AWS_ACCESS_KEY_ID") or None
    secret = env.get("AWS_SECRET_ACCESS_KEY") or None
    if (key_id is None) != (secret is None):
        missing = "AWS_SECRET_ACCESS_KEY" if secret is None else "AWS_ACCESS_KEY_ID"
        raise ConfigurationError(
            f"{missing} is missing: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY go together"
        )
    region = (env.get("AWS_REGION") or env.get("AWS_DEFAULT_REGION") or "us-east-1").strip()
    return ObjectStoreSettings(
        bucket=bucket,
        prefix=prefix,
        endpoint=_endpoint(env),
        region=region,
        access_key_id=key_id,
        secret_access_key=secret,
        session_token=env.get("AWS_SESSION_TOKEN") or None,
    )


def _move_verify(
    env: Mapping[str, str], object_store: ObjectStoreSettings | None
) -> MoveVerification | None:
    """OVERDRACHT_MOVE_VERIFY: `read` or `listing`; a listing needs an object store's ETags."""
    raw = (env.get("OVERDRACHT_MOVE_VERIFY") or "").strip().upper()
    if not raw:
        return None
    if raw not in MoveVerification.__members__:
        raise ConfigurationError(
            f"OVERDRACHT_MOVE_VERIFY must be read or listing, got {raw.lower()!r}"
        )
    chosen = MoveVerification(raw)
    if chosen == MoveVerification.LISTING and object_store is None:
        raise ConfigurationError(
            "OVERDRACHT_MOVE_VERIFY=listing needs OVERDRACHT_FILE_STORE=s3://…: the local disk "
            "keeps no checksums a listing could show; use read"
        )
    return chosen


def _rate(env: Mapping[str, str], name: str, default: float) -> float:
    """A rate per second: a number of at least 0, where 0 switches the job off."""
    raw = (env.get(name) or "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise ConfigurationError(f"{name} must be a number, got {raw!r}") from None
    if not 0 <= value <= 100_000:
        raise ConfigurationError(f"{name} must be between 0 and 100000, got {raw!r}")
    return value


def object_store_at(location: str, env: Mapping[str, str] | None = None) -> ObjectStoreSettings:
    """A bucket named like OVERDRACHT_FILE_STORE, reached with the AWS variables of `env`.

    For a command that is told where to write (`storage copy --to s3://…`) rather than
    reading it from OVERDRACHT_FILE_STORE; refused in the same words as that setting.
    """
    env = os.environ if env is None else env
    form = "s3://BUCKET or s3://BUCKET/PREFIX"
    found = _object_store({**env, "OVERDRACHT_FILE_STORE": location}, "--to", form)
    if found is None:
        raise ConfigurationError(f"--to must be {form}, got {location!r}")
    return found


def _smtp(env: Mapping[str, str]) -> SmtpSettings:
    tls = (env.get("OVERDRACHT_SMTP_TLS") or "none").lower()
    if tls not in _SMTP_TLS_MODES:
        raise ConfigurationError(
            f"OVERDRACHT_SMTP_TLS must be one of {', '.join(_SMTP_TLS_MODES)}, got {tls!r}"
        )
    sender = env.get("OVERDRACHT_SMTP_SENDER") or SmtpSettings.sender
    if "@" not in sender:
        raise ConfigurationError(
            f"OVERDRACHT_SMTP_SENDER must hold an e-mail address, got {sender!r}"
        )
    username = env.get("OVERDRACHT_SMTP_USERNAME") or None
    password = env.get("OVERDRACHT_SMTP_PASSWORD") or None
    if (username is None) != (password is None):
        given, missing = (
            ("OVERDRACHT_SMTP_PASSWORD", "OVERDRACHT_SMTP_USERNAME")
            if username is None
            else ("OVERDRACHT_SMTP_USERNAME", "OVERDRACHT_SMTP_PASSWORD")
        )
        raise ConfigurationError(
            f"{given} is set but {missing} is not: they go together (without a username "
            "the password is never used; without a password the login fails)"
        )
    return SmtpSettings(
        host=env.get("OVERDRACHT_SMTP_HOST") or SmtpSettings.host,
        port=_int(env, "OVERDRACHT_SMTP_PORT", SmtpSettings.port, minimum=1),
        username=username,
        password=password,
        tls=tls,
        sender=sender,
        timeout_seconds=_int(
            env, "OVERDRACHT_SMTP_TIMEOUT_SECONDS", int(SmtpSettings.timeout_seconds), minimum=1
        ),
    )


def load_settings(env: Mapping[str, str] | None = None) -> Settings:
    """Read the settings once; a bad value raises ConfigurationError naming the variable."""
    env = os.environ if env is None else env
    domain = (env.get("OVERDRACHT_INBOUND_MAIL_DOMAIN") or Settings.inbound_mail_domain).lower()
    if not _DOMAIN_RE.match(domain):
        raise ConfigurationError(
            f"OVERDRACHT_INBOUND_MAIL_DOMAIN must be a domain name, got {domain!r}"
        )
    validity_days = _int(env, "OVERDRACHT_OFFER_VALIDITY_DAYS", 15, minimum=1, maximum=3650)
    public_url = (env.get("OVERDRACHT_PUBLIC_URL") or Settings.public_url).rstrip("/")
    object_store = _object_store(env)
    settings = Settings(
        database_url=_database_url(env),
        data_dir=Path(env.get("OVERDRACHT_DATA_DIR") or Settings.data_dir),
        smtp=_smtp(env),
        inbound_mail_domain=domain,
        offer_validity=timedelta(days=validity_days),
        migration_price=_price(env),
        max_administrations_per_offer=_int(
            env,
            "OVERDRACHT_MAX_ADMINISTRATIONS_PER_OFFER",
            5,
            minimum=1,
            maximum=MOST_ADMINISTRATIONS_PER_OFFER,
        ),
        code_attempts_per_user=_int(
            env, "OVERDRACHT_CODE_ATTEMPTS_PER_USER", 5, minimum=1, maximum=1000
        ),
        code_attempts_per_office=_int(
            env, "OVERDRACHT_CODE_ATTEMPTS_PER_OFFICE", 20, minimum=1, maximum=1_000_000
        ),
        # At least the 10 recipients an offer may name, so one offer always fits.
        recipient_checks_per_hour=_int(
            env, "OVERDRACHT_RECIPIENT_CHECKS_PER_HOUR", 20, minimum=10, maximum=10_000
        ),
        resend_limit_per_hour=_int(
            env, "OVERDRACHT_RESEND_LIMIT_PER_HOUR", 3, minimum=1, maximum=100
        ),
        public_url=public_url,
        frontend_url=(env.get("OVERDRACHT_FRONTEND_URL") or public_url).rstrip("/"),
        frontend_code_path=_path(env, "OVERDRACHT_FRONTEND_CODE_PATH", Settings.frontend_code_path),
        frontend_overview_path=_path(
            env, "OVERDRACHT_FRONTEND_OVERVIEW_PATH", Settings.frontend_overview_path
        ),
        time_zone=_time_zone(env),
        mail_max_age=_duration(env, "OVERDRACHT_MAIL_MAX_AGE", Settings.mail_max_age),
        reminder_before_expiry=timedelta(
            days=_int(env, "OVERDRACHT_REMINDER_DAYS_BEFORE_EXPIRY", 3, minimum=0, maximum=365)
        ),
        move_batch_size=_int(env, "OVERDRACHT_MOVE_BATCH_SIZE", 1000, minimum=1),
        move_lease=timedelta(
            seconds=_int(env, "OVERDRACHT_MOVE_LEASE_SECONDS", 120, minimum=1, maximum=86400)
        ),
        move_start_delay=timedelta(
            seconds=_int(env, "OVERDRACHT_MOVE_START_DELAY_SECONDS", 0, minimum=0, maximum=3600)
        ),
        move_not_before_max=timedelta(
            days=_int(env, "OVERDRACHT_MOVE_NOT_BEFORE_MAX_DAYS", 30, minimum=1, maximum=365)
        ),
        moves_per_office=_int(env, "OVERDRACHT_MOVES_PER_OFFICE", 2, minimum=1, maximum=1000),
        file_read_timeout=timedelta(
            seconds=_int(env, "OVERDRACHT_FILE_READ_TIMEOUT_SECONDS", 30, minimum=1, maximum=3600)
        ),
        file_write_timeout=timedelta(
            seconds=_int(env, "OVERDRACHT_FILE_WRITE_TIMEOUT_SECONDS", 30, minimum=1, maximum=3600)
        ),
        object_store=object_store,
        move_verify=_move_verify(env, object_store),
        max_document_bytes=_int(
            env,
            "OVERDRACHT_MAX_DOCUMENT_BYTES",
            Settings.max_document_bytes,
            minimum=1,
            maximum=5 * 1024**3,
        ),
        scrub_files_per_second=_rate(
            env, "OVERDRACHT_SCRUB_FILES_PER_SECOND", Settings.scrub_files_per_second
        ),
        background_jobs=_flag(env, "OVERDRACHT_BACKGROUND_JOBS", default=True),
        log_format=_log_format(env),
        progress_updates=_progress_updates(env),
        max_query_cost=_int(env, "OVERDRACHT_MAX_QUERY_COST", Settings.max_query_cost, minimum=1),
        max_response_bytes=_int(
            env, "OVERDRACHT_MAX_RESPONSE_BYTES", Settings.max_response_bytes, minimum=1024
        ),
        max_request_bytes=_int(
            env, "OVERDRACHT_MAX_REQUEST_BYTES", Settings.max_request_bytes, minimum=1024
        ),
        request_timeout_seconds=_int(
            env,
            "OVERDRACHT_REQUEST_TIMEOUT_SECONDS",
            int(Settings.request_timeout_seconds),
            minimum=1,
        ),
        token_recheck_seconds=_int(
            env, "OVERDRACHT_TOKEN_RECHECK_SECONDS", int(Settings.token_recheck_seconds), minimum=1
        ),
        graphiql_assets_dir=Path(env["OVERDRACHT_GRAPHIQL_ASSETS_DIR"])
        if env.get("OVERDRACHT_GRAPHIQL_ASSETS_DIR")
        else None,
        web_dir=Path(env["OVERDRACHT_WEB_DIR"]) if env.get("OVERDRACHT_WEB_DIR") else None,
        demo_sign_in=_flag(env, "OVERDRACHT_DEMO_SIGN_IN", default=False),
        cors_origins=_cors_origins(env),
        download_link_lifetime=timedelta(
            seconds=_int(env, "OVERDRACHT_DOWNLOAD_LINK_SECONDS", 300, minimum=10, maximum=3600)
        ),
    )
    _refuse_contradictions(settings)
    return settings


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
