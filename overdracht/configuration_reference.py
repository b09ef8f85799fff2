"""docs/configuration.md, written from the settings' declarations so it cannot drift from them."""

from __future__ import annotations

from datetime import timedelta

from overdracht.settings import RENAMED, DeclaredSetting, declared_settings

COMMAND = "overdracht settings-reference"
REFERENCE_PATH = "docs/configuration.md"

_HEADER = f"""\
# Configuration

The service reads its settings from environment variables once, at start. A value it cannot use
stops the start with an error naming the variable; so do settings that contradict each other
(the move lease not longer than the file read deadline, `OVERDRACHT_MOVE_VERIFY=listing` without
a bucket, a username without a password or a key without its secret, attempt limits and a
validity that make guessing a transfer code pay). Durations are whole seconds, in variables
whose names end in `_SECONDS`. An unset or empty variable takes its default.

This page is generated from the declarations in `overdracht/settings.py` by
`{COMMAND}`; a test fails when it is stale.

| Variable | Type | Default | Unit | What for |
| --- | --- | --- | --- | --- |
"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def _default(item: DeclaredSetting) -> str:
    declared = item.declared
    if declared.default_text is not None:
        return declared.default_text
    if item.default is None:
        return "unset"
    shown = f"`{declared.kind.show(item.default)}`"
    if declared.kind.unit == "seconds" and isinstance(item.default, timedelta):
        return shown + _in_words(item.default)
    return shown


def _in_words(duration: timedelta) -> str:
    """A long duration also in days or hours, so `1296000` reads as the 15 days it is."""
    total = int(duration.total_seconds())
    for size, unit in ((86400, "day"), (3600, "hour"), (60, "minute")):
        if total >= size and total % size == 0:
            count = total // size
            return f" ({count} {unit}{'s' if count != 1 else ''})"
    return ""


def _row(item: DeclaredSetting) -> str:
    declared = item.declared
    cells = [
        f"`{declared.env}`",
        declared.kind.name,
        _default(item),
        declared.kind.unit,
        declared.why,
    ]
    return "| " + " | ".join(_cell(cell) for cell in cells) + " |\n"


def _renamed() -> str:
    """The variables read under older names, which are refused so a deployment notices."""
    renamed = ", ".join(f"`{old}` (now `{new}`)" for old, new in RENAMED.items())
    return (
        "\nThese variables of earlier versions are refused at start, naming the one that "
        f"replaced them: {renamed}.\n"
    )


def configuration_reference() -> str:
    """The Markdown table of every variable: name, type, default, unit and what it is for."""
    return _HEADER + "".join(_row(item) for item in declared_settings()) + _renamed()
