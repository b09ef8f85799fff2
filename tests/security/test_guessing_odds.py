"""Rule 9's bound: under the attempt limits, guessing a live transfer code never pays.

The odds are computed from the settings as the service reads them, so a default changed so far
that the bound breaks fails here, and such settings are refused at start.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from api.app import create_app
from models.guessing import (
    ATTACKER_ACCOUNTS,
    CODE_SPACE,
    LIVE_CODES,
    MAX_CHANCE,
    guessing_odds,
)
from models.offering import MAX_RECIPIENTS
from models.transfer_code import ALPHABET, LENGTH, generate_transfer_code
from overdracht.settings import ConfigurationError, load_settings

ROOT = Path(__file__).resolve().parents[2]
BREAKING = {
    "OVERDRACHT_CODE_ATTEMPTS_PER_USER": "1000",
    "OVERDRACHT_CODE_ATTEMPTS_PER_OFFICE": "1000000",
    "OVERDRACHT_OFFER_VALIDITY_SECONDS": str(3650 * 86400),
}


def test_the_code_has_at_least_80_bits_and_the_odds_count_every_character():
    assert CODE_SPACE == 31**20 == len(ALPHABET) ** LENGTH
    assert CODE_SPACE.bit_length() - 1 >= 80
    assert len(generate_transfer_code()) == LENGTH


def test_the_settings_as_read_keep_guessing_below_one_in_a_trillion():
    settings = load_settings(dict(os.environ))
    odds = guessing_odds(settings)
    assert odds.chance <= MAX_CHANCE == 1e-12
    # The figures docs/security.md states for the defaults.
    defaults = guessing_odds(load_settings({}))
    assert defaults.guesses == 216_300_000
    assert f"{defaults.chance:.1e}" == "3.2e-16"


def test_the_longest_validity_with_the_default_limits_stays_below_the_bound():
    settings = load_settings({"OVERDRACHT_OFFER_VALIDITY_SECONDS": str(3650 * 86400)})
    assert guessing_odds(settings).chance <= MAX_CHANCE


def test_no_limit_is_taken_for_granted_by_the_bound():
    """Each limit alone bounds the guesses: more accounts or offices only add to them."""
    settings = load_settings({})
    loose_office = settings.with_overrides(code_attempts_per_office=1_000_000)
    assert guessing_odds(loose_office).guesses == (
        ATTACKER_ACCOUNTS * settings.code_attempts_per_user * (15 * 24 * 4 + 1)
    )
    assert guessing_odds(loose_office).live_codes == LIVE_CODES
    longer = settings.with_overrides(offer_validity=timedelta(days=30))
    assert guessing_odds(longer).guesses > guessing_odds(settings).guesses


def test_settings_that_make_guessing_pay_are_refused_at_start_naming_them():
    settings = load_settings(BREAKING)
    assert guessing_odds(settings).chance > MAX_CHANCE
    with pytest.raises(ConfigurationError) as refused:
        create_app(settings)
    for name in BREAKING:
        assert name in str(refused.value)
    finished = subprocess.run(
        [sys.executable, "-m", "commands", "export-schema", "--output", "-"],
        cwd=ROOT,
        env={**os.environ, **BREAKING},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert finished.returncode == 2
    assert "configuration error: OVERDRACHT_CODE_ATTEMPTS_PER_USER=1000" in finished.stderr


def test_one_offer_always_fits_in_the_recipient_lookup_limit():
    with pytest.raises(ConfigurationError, match="OVERDRACHT_RECIPIENT_CHECKS_PER_HOUR"):
        load_settings({"OVERDRACHT_RECIPIENT_CHECKS_PER_HOUR": str(MAX_RECIPIENTS - 1)})
    assert load_settings({"OVERDRACHT_RECIPIENT_CHECKS_PER_HOUR": str(MAX_RECIPIENTS)})
