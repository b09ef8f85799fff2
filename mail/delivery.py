"""What happened to a mail for each of its recipients: delivered, still pending, or refused.

The dispatcher writes one entry per recipient after every attempt; an offer's screen reads them
back to show whether each recipient got the transfer code. A temporary refusal is tried again
with back-off until the mail is older than the configured maximum age; then it counts as
refused, so nothing is retried forever.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from mail.smtp import envelope_recipients
from models.enums import DeliveryState, MailStatus
from models.outbox import OutboxMail

ANSWER_MAX = 500


@dataclass(frozen=True)
class Answer:
    """What the server (or the connection) said about one recipient in one attempt."""

    state: DeliveryState
    text: str = ""
    code: int | None = None


@dataclass(frozen=True)
class ServerRefusal:
    """A recipient given up on: the server's own last words, and whether it refused for good
    (5xx) or only kept deferring until the mail was too old."""

    server_answer: str
    gave_up: bool = False


@dataclass
class Settled:
    """The outcome of one attempt for the whole mail, ready to be written to its row."""

    deliveries: dict[str, dict[str, Any]]
    status: MailStatus
    newly_refused: dict[str, ServerRefusal] = field(default_factory=dict)

    def summary(self) -> str:
        """The recipients not delivered, in one line, for last_error and the log."""
        return "; ".join(
            f"{address}: {entry['answer']}"
            for address, entry in self.deliveries.items()
            if entry["state"] != DeliveryState.DELIVERED and entry.get("answer")
        )


def key(address: str) -> str:
    """Recipients are compared without case, as mail servers do for the domain."""
    return address.strip().lower()


def waiting_recipients(mail: OutboxMail) -> list[str]:
    """The recipients still to be tried: neither delivered nor refused for good."""
    done = {DeliveryState.DELIVERED, DeliveryState.REFUSED}
    return [
        address
        for address in envelope_recipients(mail)
        if (mail.deliveries or {}).get(key(address), {}).get("state") not in done
    ]


def settle(
    mail: OutboxMail,
    answers: dict[str, Answer],
    *,
    now: datetime,
    max_age: timedelta,
) -> Settled:
    """Merge one attempt's answers into the mail's record; give up what waited too long."""
    deliveries = {address: dict(entry) for address, entry in (mail.deliveries or {}).items()}
    too_old = now - mail.created_at >= max_age
    newly_refused: dict[str, ServerRefusal] = {}
    for address, answer in answers.items():
        state, text = answer.state, answer.text[:ANSWER_MAX]
        gave_up = state == DeliveryState.PENDING and too_old
        if gave_up:
            state = DeliveryState.REFUSED
            text = f"Not delivered within {_age(max_age)}; last answer: {text}"[:ANSWER_MAX]
        deliveries[key(address)] = {
            "address": address,
            "state": state.value,
            "code": answer.code,
            "answer": text,
            "at": now.isoformat(),
        }
        if state == DeliveryState.REFUSED:
            newly_refused[address] = ServerRefusal(answer.text[:ANSWER_MAX], gave_up=gave_up)
    states = {entry["state"] for entry in deliveries.values()}
    if DeliveryState.PENDING in states:
        status = MailStatus.PENDING
    elif DeliveryState.DELIVERED in states:
        status = MailStatus.SENT
    else:
        status = MailStatus.FAILED
    return Settled(deliveries=deliveries, status=status, newly_refused=newly_refused)


def _age(age: timedelta) -> str:
    hours = int(age.total_seconds() // 3600)
    if hours and hours % 24 == 0:
        return f"{hours // 24} days" if hours != 24 else "1 day"
    if hours:
        return f"{hours} hours" if hours != 1 else "1 hour"
    return f"{int(age.total_seconds())} seconds"


_SETTLED = {MailStatus.SENT: DeliveryState.DELIVERED, MailStatus.FAILED: DeliveryState.REFUSED}


@dataclass(frozen=True)
class RecipientDelivery:
    """How the latest mail with the transfer code fared for one recipient of an offer."""

    address: str
    state: DeliveryState
    server_answer: str | None
    next_attempt_at: datetime | None
    updated_at: datetime | None


def recipient_deliveries(recipients: list[str], mails: list[OutboxMail]) -> list[RecipientDelivery]:
    """Per recipient, the outcome of the newest code mail that went to them (mails oldest first)."""
    shown = []
    for address in recipients:
        latest = next(
            (m for m in reversed(mails) if key(address) in map(key, envelope_recipients(m))), None
        )
        entry = (latest.deliveries or {}).get(key(address)) if latest else None
        if entry is None and latest is not None and latest.status in _SETTLED:
            # A row written before per-recipient records: its status speaks for everyone but
            # the recipients its error names, whom the server refused.
            named = key(address) in latest.last_error.lower()
            entry = {
                "state": DeliveryState.REFUSED if named else _SETTLED[latest.status],
                "answer": latest.last_error,
                "at": (latest.sent_at or latest.created_at).isoformat(),
            }
        if entry is None:
            # Queued and not tried yet (or being tried right now).
            shown.append(
                RecipientDelivery(
                    address,
                    DeliveryState.PENDING,
                    None,
                    latest.next_attempt_at if latest else None,
                    None,
                )
            )
            continue
        state = DeliveryState(entry["state"])
        shown.append(
            RecipientDelivery(
                address=address,
                state=state,
                server_answer=entry.get("answer") or None,
                next_attempt_at=latest.next_attempt_at  # type: ignore[union-attr]
                if state == DeliveryState.PENDING
                else None,
                updated_at=datetime.fromisoformat(entry["at"]),
            )
        )
    return shown
