"""What a superuser may do with an offer now (rules 1, 3, 7, 10, 11, 14), decided once.

Each action is allowed by three tests, and the mutation that takes it runs the same three,
each where it can say why not: who acts (a superuser with a token that may write), whose the
offer or administration is (`is_party`), and whether its status allows the step now
(`status_allows`); receiving also needs a PREMIUM office. `allowed_on_item` and
`allowed_on_offer` are those tests together, for the screens' buttons. What the mutations then
check of their input (addresses, dates, terms, the chosen connection) is not an action's
business: a screen asks for that and the mutation says what is wrong with it.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from models.enums import MigrationStatus
from models.environment import Environment
from models.lifecycle import Step, may_step
from models.offers import Migration, MigrationAdministration
from models.plans import can_receive
from models.refusals import Refusal, RefusalCode


class Action(StrEnum):
    """What a superuser can do with an offered administration, each named as its mutation."""

    WITHDRAW = "WITHDRAW"
    CANCEL = "CANCEL"
    RETRY = "RETRY"
    GIVE_UP = "GIVE_UP"
    CHANGE_RECIPIENTS = "CHANGE_RECIPIENTS"
    RESEND = "RESEND"
    EXTEND = "EXTEND"
    RECEIVE = "RECEIVE"
    REJECT = "REJECT"
    RESCHEDULE = "RESCHEDULE"


# The step of the lifecycle each action takes on an administration.
STEPS: dict[Action, Step] = {
    Action.WITHDRAW: Step.WITHDRAW,
    Action.CANCEL: Step.CANCEL,
    Action.RETRY: Step.RETRY,
    Action.GIVE_UP: Step.GIVE_UP,
    Action.RECEIVE: Step.CLAIM,
    Action.REJECT: Step.REJECT,
}
# The actions that change no status, each allowed while the status allows a step: the moment a
# move must not start before can be changed as long as the claim can still be cancelled.
WHILE: dict[Action, Step] = {Action.RESCHEDULE: Step.CANCEL}
# The corrections of an offer that still stands (rule 7): they change no status and touch only
# what is still offered.
CORRECTIONS = frozenset({Action.CHANGE_RECIPIENTS, Action.RESEND, Action.EXTEND})
# The actions a mutation takes on one administration (a MigrationAdministration ID, or one of
# those chosen with the transfer code), and those it takes on a whole offer.
ITEM_ACTIONS: tuple[Action, ...] = (*STEPS, *WHILE)
OFFER_ACTIONS: tuple[Action, ...] = (
    Action.WITHDRAW,
    Action.CHANGE_RECIPIENTS,
    Action.RESEND,
    Action.EXTEND,
    Action.RECEIVE,
    Action.REJECT,
)
_SOURCE_ACTIONS = CORRECTIONS | {Action.WITHDRAW}
_RECEIVER_ACTIONS = frozenset({Action.CANCEL, Action.GIVE_UP, Action.RESCHEDULE})


@dataclass(frozen=True)
class Actor:
    """Who would act: their office, and whether they may change anything at all (rule 1).

    `may_act` is false for anyone but an active superuser with a token that may write.
    `superuser_emails` are the addresses of the office's active superusers, needed only for
    offers from before targets, which are meant for the office they were mailed to.
    """

    environment: Environment
    may_act: bool
    superuser_emails: Collection[str] = ()


def is_party(
    action: Action, actor: Actor, migration: Migration, item: MigrationAdministration
) -> bool:
    """Whether the offer or administration is the actor's to act on: each side its own steps."""
    office = actor.environment.pk
    if action in _SOURCE_ACTIONS:
        return migration.is_offered_by(office)
    if action in _RECEIVER_ACTIONS:
        return item.is_received_by(office)
    if action == Action.RETRY:
        return migration.involves(office)
    # Receiving and rejecting: the offer's target, never its source (OWN_OFFER).
    return not migration.is_offered_by(office) and migration.is_meant_for(
        office, actor.superuser_emails
    )


def status_allows(action: Action, item: MigrationAdministration, now: datetime) -> bool:
    """Whether the administration's status allows the action now (rule 14's table)."""
    if action in CORRECTIONS:
        return item.is_still_offered(now)
    return may_step(STEPS.get(action) or WHILE[action], item, now)


def may_take(
    action: Action, actor: Actor, migration: Migration, item: MigrationAdministration, now: datetime
) -> bool:
    """Whether the actor may take the action on this administration of the offer, now."""
    if action == Action.RECEIVE and not can_receive(actor.environment):
        return False  # rule 3
    return (
        actor.may_act
        and is_party(action, actor, migration, item)
        and status_allows(action, item, now)
    )


def allowed_on_item(
    actor: Actor, migration: Migration, item: MigrationAdministration, now: datetime
) -> list[Action]:
    """The actions the actor may take on one administration now: a row's buttons."""
    return [action for action in ITEM_ACTIONS if may_take(action, actor, migration, item, now)]


def allowed_on_offer(
    actor: Actor, migration: Migration, items: Sequence[MigrationAdministration], now: datetime
) -> list[Action]:
    """The actions the actor may take on the offer now: allowed for one of its administrations."""
    return [
        action
        for action in OFFER_ACTIONS
        if any(may_take(action, actor, migration, item, now) for item in items)
    ]


# A move that has started can be withdrawn again only once it failed (rule 10).
_STARTED = frozenset({MigrationStatus.QUEUED, MigrationStatus.RUNNING})


def withdraw_refusal(item: MigrationAdministration, now: datetime) -> Refusal:
    """Why the source can no longer withdraw this administration (rule 10)."""
    status = item.effective_status(now)
    name = item.administration_name
    if status == MigrationStatus.EXPIRED:
        return Refusal(
            RefusalCode.EXPIRED, f"The offer of {name} has expired; there is nothing to withdraw."
        )
    if status in _STARTED:
        return Refusal(
            RefusalCode.MOVE_STARTED,
            f"The move of {name} is {status.value.lower()}; it can be withdrawn again if it fails.",
        )
    return Refusal(RefusalCode.ALREADY_ENDED, f"{name} is already {status.value.lower()}.")
