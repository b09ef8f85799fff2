"""Rule 3, Premium receiver: the one place that decides whether an office may receive."""

from __future__ import annotations

from models.enums import Plan
from models.environment import Environment
from models.refusals import Refusal, RefusalCode


def premium_refusal(office: Environment, *, known_as: str | None = None) -> Refusal | None:
    """Why this office cannot receive administrations (rule 3), or None when it can.

    Offering, receiving, the move's re-check and the viewer's abilities all ask here. An office
    the caller only knows by an address it typed is named by that address, never by its name
    or plan (rule 1): `known_as` is then that address.
    """
    if office.plan == Plan.PREMIUM:
        return None
    if known_as is not None:
        message = (
            f"The office of {known_as} cannot receive administrations: only an office on the "
            "PREMIUM plan can."
        )
    else:
        message = (
            f"{office.name} is on the {office.plan.value} plan; only an environment on PREMIUM "
            "can receive administrations."
        )
    return Refusal(RefusalCode.NOT_PREMIUM, message)


def can_receive(office: Environment) -> bool:
    """Whether the office may receive at all: for a screen's flag, as premium_refusal decides."""
    return premium_refusal(office) is None
