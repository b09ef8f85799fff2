"""docs/configuration.md is the settings' declarations as written out, never edited apart."""

from __future__ import annotations

from pathlib import Path

from overdracht.configuration_reference import (
    COMMAND,
    REFERENCE_PATH,
    configuration_reference,
)
from overdracht.settings import declared_settings

ROOT = Path(__file__).resolve().parent.parent


def test_the_committed_configuration_reference_is_current():
    committed = (ROOT / REFERENCE_PATH).read_text(encoding="utf-8")
    assert committed == configuration_reference(), (
        f"{REFERENCE_PATH} is stale: run `{COMMAND}` and commit the result"
    )


def test_the_reference_lists_every_declared_variable_with_its_default():
    reference = configuration_reference()
    for item in declared_settings():
        row = next(line for line in reference.splitlines() if f"| `{item.declared.env}` |" in line)
        assert item.declared.why in row.replace("\\|", "|")
    assert "| `OVERDRACHT_OFFER_VALIDITY_SECONDS` | integer, 86,400 to 315,360,000 | `1296000`" in (
        reference
    )
