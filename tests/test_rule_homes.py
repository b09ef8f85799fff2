"""Each domain rule has one home, listed in docs/rules.md, and no second place decides it again."""

from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RULES = ROOT / "docs" / "rules.md"
HOME = re.compile(r"`([\w/]+\.py)::([\w.]+)`")
HEADING = re.compile(r"^## (\d+)\. ", re.MULTILINE)


def _homes() -> list[tuple[str, str]]:
    return HOME.findall(RULES.read_text(encoding="utf-8"))


def _sources(*packages: str) -> dict[Path, str]:
    """The text of every module of these packages, generated migrations left out."""
    return {
        path: path.read_text(encoding="utf-8")
        for package in packages
        for path in sorted((ROOT / package).rglob("*.py"))
        if "migrations" not in path.relative_to(ROOT).parts
    }


def _found(pattern: str, packages: tuple[str, ...], allowed: set[str]) -> list[str]:
    """Where the pattern occurs in these packages, outside the allowed files."""
    wanted = re.compile(pattern)
    return [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path, text in _sources(*packages).items()
        if str(path.relative_to(ROOT)) not in allowed
        for number, line in enumerate(text.splitlines(), start=1)
        if wanted.search(line)
    ]


def test_every_rule_is_listed_in_order():
    numbers = [int(n) for n in HEADING.findall(RULES.read_text(encoding="utf-8"))]
    assert numbers == list(range(1, 20))


def test_the_list_names_homes():
    """A list the pattern no longer reads would let every home below pass unchecked."""
    assert len(_homes()) > 40


@pytest.mark.parametrize(("module", "name"), _homes())
def test_each_listed_home_exists(module: str, name: str):
    found: object = importlib.import_module(module.removesuffix(".py").replace("/", "."))
    for part in name.split("."):
        assert hasattr(found, part), f"{module}::{name} is gone: update docs/rules.md"
        found = getattr(found, part)
    assert callable(found), f"{module}::{name} decides nothing"


CODE = ("api", "worker", "models", "mail", "commands")


def test_no_refusal_code_is_mapped_by_its_name():
    # The domain's codes are the API's: calling the enum on a value is a second mapping.
    assert _found(r"(?<!class )(UserErrorCode|RefusalCode)\(", CODE, set()) == []


def test_rule_3_is_decided_by_premium_refusal_alone():
    premium = r"Plan\.PREMIUM\s*[!=]=|[!=]=\s*Plan\.PREMIUM|\.plan\s*[!=]="
    assert _found(premium, CODE, {"models/plans.py"}) == []


def test_the_checklist_and_open_offers_are_read_only_by_check_offerable():
    checks = r"\b(run_checklist|recheck_damaged|open_offer_items)\("
    assert _found(checks, CODE, {"models/offering.py", "models/checklist.py"}) == []


def test_rule_1_for_writes_is_decided_beside_the_read_table():
    assert _found(r"\.is_superuser\b", ("api",), {"api/permissions.py"}) == []


def test_why_an_offer_ended_is_worded_in_one_place():
    ended = r"_ENDED_AS|(UserErrorCode|RefusalCode)\.ALREADY_RECEIVED"
    assert _found(ended, CODE, {"models/receiving.py"}) == []


def test_one_shape_of_refusal_leaves_the_domain():
    # Enums, exceptions or records of their own for why something was refused are the shapes
    # models/refusals.py replaced (a mail about a refused address is no refusal of the domain).
    shapes = r"^class \w*(Refusal|Refused|Problem)\w*(\((StrEnum|Enum|Exception)\))?:"
    assert _found(shapes, ("models",), {"models/refusals.py"}) == []
