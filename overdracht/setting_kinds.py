"""How one environment variable is read and shown, so every setting is declared in one line."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


class ConfigurationError(ValueError):
    """Raised at start-up so a wrong setting is named before anything runs."""


# Reads one variable's raw text (never empty) under its name; the environment is there for the
# few settings that take companions along (a bucket and its AWS credentials).
Parse = Callable[[str, str, Mapping[str, str]], Any]


def _shown(value: object) -> str:
    return str(value)


@dataclass(frozen=True)
class Kind:
    """What a variable holds, as the configuration reference names it, and how it is read."""

    name: str
    parse: Parse
    unit: str = ""
    show: Callable[[Any], str] = _shown


@dataclass(frozen=True)
class Declared:
    """One setting: its variable, its kind and one line of why; the default is the field's."""

    env: str
    kind: Kind
    why: str
    # How the reference writes a default that is no value of its own ("the public URL").
    default_text: str | None = None
    # A field whose value this one takes when its variable is unset.
    follows: str | None = None
    # A second variable read when the first is unset (AWS_DEFAULT_REGION after AWS_REGION).
    alias: str | None = None
    # The dataclass of the variables read along with this one (a bucket's AWS credentials).
    companions: type | None = None


SETTING = "overdracht.setting"


def declare(
    env: str,
    kind: Kind,
    why: str,
    *,
    default_text: str | None = None,
    follows: str | None = None,
    alias: str | None = None,
    companions: type | None = None,
) -> dict[str, Declared]:
    """The metadata of a dataclass field read from `env`; the field itself holds the default."""
    return {SETTING: Declared(env, kind, why, default_text, follows, alias, companions)}


def _number(name: str, raw: str) -> int:
    try:
        return int(raw.strip())
    except ValueError:
        raise ConfigurationError(f"{name} must be a whole number, got {raw!r}") from None


def _within(name: str, value: float, minimum: float, maximum: float, shown: str) -> None:
    if value < minimum:
        raise ConfigurationError(f"{name} must be at least {minimum:,}, got {shown}")
    if value > maximum:
        raise ConfigurationError(f"{name} must be at most {maximum:,}, got {shown}")


def _integer(minimum: int, maximum: int) -> str:
    if maximum >= 10**9:
        return f"integer, at least {minimum:,}"
    return f"integer, {minimum:,} to {maximum:,}"


def whole(minimum: int = 0, maximum: int = 10**9, unit: str = "") -> Kind:
    """A whole number within bounds, such as a limit per hour or a size in bytes."""

    def parse(name: str, raw: str, env: Mapping[str, str]) -> int:
        value = _number(name, raw)
        _within(name, value, minimum, maximum, f"{value:,}")
        return value

    return Kind(_integer(minimum, maximum), parse, unit)


def seconds(minimum: int, maximum: int) -> Kind:
    """A duration, always given in whole seconds by a variable whose name ends in _SECONDS."""

    def parse(name: str, raw: str, env: Mapping[str, str]) -> timedelta:
        value = _number(name, raw)
        _within(name, value, minimum, maximum, f"{value:,}")
        return timedelta(seconds=value)

    def show(value: timedelta | float) -> str:
        total = value.total_seconds() if isinstance(value, timedelta) else value
        return str(int(total)) if total == int(total) else str(total)

    return Kind(_integer(minimum, maximum), parse, "seconds", show)


def whole_seconds(minimum: int, maximum: int) -> Kind:
    """Seconds kept as a number, for the settings the code uses as a plain timeout."""
    as_duration = seconds(minimum, maximum)

    def parse(name: str, raw: str, env: Mapping[str, str]) -> float:
        return float(as_duration.parse(name, raw, env).total_seconds())

    return Kind(as_duration.name, parse, "seconds", as_duration.show)


def rate(maximum: float, unit: str) -> Kind:
    """A number of at least 0 per unit of time, where 0 switches the job off."""

    def parse(name: str, raw: str, env: Mapping[str, str]) -> float:
        try:
            value = float(raw.strip())
        except ValueError:
            raise ConfigurationError(f"{name} must be a number, got {raw!r}") from None
        if not 0 <= value <= maximum:
            raise ConfigurationError(f"{name} must be between 0 and {maximum:g}, got {raw!r}")
        return value

    return Kind(f"number, 0 to {maximum:,g}", parse, unit, lambda value: f"{value:g}")


def flag() -> Kind:
    """On or off, written the ways people write it."""

    def parse(name: str, raw: str, env: Mapping[str, str]) -> bool:
        value = raw.strip().lower()
        if value in ("1", "true", "yes", "on"):
            return True
        if value in ("0", "false", "no", "off"):
            return False
        raise ConfigurationError(f"{name} must be true or false, got {raw!r}")

    return Kind("true or false", parse, show=lambda value: "true" if value else "false")


def choice(*values: str, why_these: str = "") -> Kind:
    """One of a few words, in any case; the error lists them, and says why if that helps."""

    def parse(name: str, raw: str, env: Mapping[str, str]) -> str:
        value = raw.strip().lower()
        if value not in values:
            listed = ", ".join(values[:-1]) + " or " + values[-1]
            raise ConfigurationError(f"{name} must be {listed}{why_these}, got {value!r}")
        return value

    shown = ", ".join(f"`{value}`" for value in values)
    return Kind(f"one of {shown}", parse, show=lambda value: str(value).lower())


def text(check: Callable[[str, str], str] | None = None, name: str = "text") -> Kind:
    """Free text, or text one function checks and normalises (a domain, a URL, a path)."""

    def parse(variable: str, raw: str, env: Mapping[str, str]) -> str:
        return check(variable, raw) if check else raw

    return Kind(name, parse)


def directory() -> Kind:
    """A directory on this machine."""

    def parse(name: str, raw: str, env: Mapping[str, str]) -> Path:
        return Path(raw)

    return Kind("directory", parse)


def time_zone(name: str, raw: str) -> str:
    """An IANA time zone name that this machine's zone database knows."""
    value = raw.strip()
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise ConfigurationError(
            f"{name} must be an IANA time zone such as Europe/Amsterdam, got {value!r}"
        ) from None
    return value


_DOMAIN_RE = re.compile(r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")


def domain(name: str, raw: str) -> str:
    """A domain name, in lowercase."""
    value = raw.strip().lower()
    if not _DOMAIN_RE.match(value):
        raise ConfigurationError(f"{name} must be a domain name, got {value!r}")
    return value


def url_path(name: str, raw: str) -> str:
    """A path on a web server, starting with '/', without a trailing one."""
    value = raw.strip()
    if not value.startswith("/") or "?" in value or "#" in value or " " in value:
        raise ConfigurationError(f"{name} must be a path starting with '/', got {value!r}")
    return value.rstrip("/") or "/"


def base_url(name: str, raw: str) -> str:
    """An address other paths are appended to, without a trailing '/'."""
    return raw.strip().rstrip("/")


def sender(name: str, raw: str) -> str:
    """A From header: a name and an e-mail address, or the address alone."""
    if "@" not in raw:
        raise ConfigurationError(f"{name} must hold an e-mail address, got {raw!r}")
    return raw


def database_url(name: str, raw: str) -> str:
    """A database Tortoise can open, and this service supports."""
    value = raw.strip()
    scheme = value.split("://", 1)[0] if "://" in value else ""
    if scheme not in ("sqlite", "postgres", "asyncpg"):
        raise ConfigurationError(
            f"{name} must start with sqlite://, postgres:// or asyncpg://, got {value!r}"
        )
    return value
