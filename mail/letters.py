"""One letter per notice, written once: the words come from phrases.py in the mail's language."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from mail.formatting import package_label
from mail.layout import Button, Facts, Highlight, Item, Items, Letter, Paragraph, Steps
from mail.phrases import Words

if TYPE_CHECKING:
    from mail.messages import (
        AdministrationLine,
        ClaimMail,
        CompletionMail,
        ExpiryMail,
        FailureMail,
        OfferMail,
        RefusalMail,
        RejectionMail,
        ReleaseMail,
        ReminderMail,
        WithdrawalMail,
    )

SIGNATURE = "Overdracht"


def _letter(w: Words, subject: str, blocks: list[Any]) -> Letter:
    return Letter(
        language=w.language,
        subject=subject,
        greeting=w("greeting"),
        blocks=blocks,
        closing=[w("regards"), SIGNATURE],
    )


def _details(w: Words, line: AdministrationLine) -> list[tuple[str, str]]:
    return [
        (w("label.code"), line.code),
        (w("label.package"), package_label(line.package)),
        (w("label.documents"), w.number(line.document_count)),
        (w("label.inbound"), line.inbound_mail_address),
    ]


def _list(w: Words, key: str, lines: list[AdministrationLine]) -> Items:
    return Items(
        title=w(key, len(lines)), items=[Item(line.name, _details(w, line)) for line in lines]
    )


def _counted(w: Words, lines: list[AdministrationLine]) -> dict[str, str]:
    """The words every letter about several administrations needs, for its count."""
    count = len(lines)
    return {
        "administrations": w("administrations", count),
        "them": w("them", count),
        "these": w("these", count),
    }


def _still_yours(w: Words, count: int) -> str:
    return f"{w('nothing_moved')} {w('still_yours', count)} " + w(
        "offer_again", them=w("them", count)
    )


def offer(mail: OfferMail, w: Words) -> Letter:
    """The transfer code, its expiry and the steps to receive the administrations."""
    said = _counted(w, mail.administrations)
    source = f"{mail.source_office_name} ({mail.source_office_code})"
    packages = ", ".join(sorted({package_label(line.package) for line in mail.administrations}))
    return _letter(
        w,
        w("offer.subject", source=source, **said),
        [
            Paragraph(w("offer.intro", requester=mail.requester_name, source=source, **said)),
            Highlight(w("label.transfer_code"), mail.transfer_code),
            Facts(
                [
                    (w("label.offered_by"), f"{mail.requester_name} <{mail.requester_email}>"),
                    (w("label.office"), source),
                    (w("label.offered_on"), w.when(mail.offered_at)),
                    (w("label.valid_until"), w.when(mail.expires_at)),
                ]
            ),
            _list(w, "offer.list", mail.administrations),
            Steps(
                w("offer.steps", **said),
                [
                    w("offer.step.sign_in", url=mail.receive_url),
                    w("offer.step.code"),
                    w("offer.step.terms"),
                    w("offer.step.connection", packages=packages),
                ],
            ),
            Paragraph(w("premium")),
            Button(w("to_code_entry"), mail.receive_url),
            Paragraph(
                w(
                    "offer.validity",
                    until=w.when(mail.expires_at),
                    requester=mail.requester_name,
                    **said,
                )
            ),
            Paragraph(w("not_moved")),
            Paragraph(w("offer.unexpected")),
        ],
    )


def reminder(mail: ReminderMail, w: Words) -> Letter:
    """Some days before expiry: what is still offered, the code, and how to decline."""
    said = _counted(w, mail.administrations)
    source = f"{mail.source_office_name} ({mail.source_office_code})"
    until = w.when(mail.expires_at)
    return _letter(
        w,
        w("reminder.subject", source=source, day=w.day(mail.expires_at)),
        [
            Paragraph(
                w(
                    "reminder.intro",
                    requester=mail.requester_name,
                    source=source,
                    until=until,
                    **said,
                )
            ),
            Highlight(w("label.transfer_code"), mail.transfer_code),
            _list(w, "reminder.list", mail.administrations),
            Paragraph(w("premium")),
            Button(w("to_code_entry"), mail.receive_url),
            Paragraph(w("reminder.decline", requester=mail.requester_name, **said)),
        ],
    )


def withdrawal(mail: WithdrawalMail, w: Words) -> Letter:
    """The administrations that can no longer be received."""
    said = _counted(w, mail.administrations)
    source = f"{mail.source_office_name} ({mail.source_office_code})"
    return _letter(
        w,
        w("withdrawal.subject", source=source, **said),
        [
            Paragraph(
                w(
                    "withdrawal.intro",
                    requester=mail.requester_name,
                    source=source,
                    when=w.when(mail.withdrawn_at),
                    **said,
                )
            ),
            _list(w, "withdrawal.list", mail.administrations),
            Paragraph(w("withdrawal.rest")),
            Button(w("to_overview"), mail.overview_url),
        ],
    )


def claim(mail: ClaimMail, w: Words) -> Letter:
    """Tells the requester who received which administrations; the move follows."""
    said = _counted(w, mail.administrations)
    return _letter(
        w,
        w("claim.subject", target=mail.target_office_name, **said),
        [
            Paragraph(
                w(
                    "claim.intro",
                    receiver=mail.received_by_name,
                    target=mail.target_office_name,
                    when=w.when(mail.received_at),
                    **said,
                )
            ),
            Facts(
                [
                    (
                        w("label.received_by"),
                        f"{mail.received_by_name} <{mail.received_by_email}>",
                    ),
                    (w("label.office"), mail.target_office_name),
                ]
            ),
            _list(w, "claim.list", mail.administrations),
            Button(w("to_overview"), mail.overview_url),
        ],
    )


def rejection(mail: RejectionMail, w: Words) -> Letter:
    """Tells the requester who rejected what, and why if a reason was given."""
    count = len(mail.administrations)
    said = _counted(w, mail.administrations)
    reason = mail.reason.strip() or w("rejection.no_reason")
    return _letter(
        w,
        w("rejection.subject", count, target=mail.target_office_name),
        [
            Paragraph(
                w(
                    "rejection.intro",
                    by=mail.rejected_by_name,
                    target=mail.target_office_name,
                    when=w.when(mail.rejected_at),
                    **said,
                )
            ),
            Facts([(w("label.rejected_by"), mail.rejected_by_name), (w("label.reason"), reason)]),
            _list(w, "rejection.list", mail.administrations),
            Paragraph(_still_yours(w, count)),
            Button(w("to_overview"), mail.overview_url),
        ],
    )


def expiry(mail: ExpiryMail, w: Words) -> Letter:
    """Tells the requester the offer ran out unused; the books are free to offer again."""
    count = len(mail.administrations)
    said = _counted(w, mail.administrations)
    return _letter(
        w,
        w("expiry.subject", **said),
        [
            Paragraph(w("expiry.intro", when=w.when(mail.expired_at), **said)),
            Facts([(w("label.offered_to"), ", ".join(mail.recipients))]),
            _list(w, "expiry.list", mail.administrations),
            Paragraph(_still_yours(w, count)),
            Button(w("to_overview"), mail.overview_url),
        ],
    )


def refusal(mail: RefusalMail, w: Words) -> Letter:
    """Tells the requester a recipient never got the code, with the server's own answer."""
    said = _counted(w, mail.administrations)
    return _letter(
        w,
        w("refusal.subject", address=mail.address),
        [
            Paragraph(
                w(
                    "refusal.gave_up" if mail.gave_up else "refusal.intro",
                    address=mail.address,
                    **said,
                )
            ),
            Facts(
                [
                    (w("label.recipient"), mail.address),
                    (w("label.server_answer"), mail.server_answer),
                ]
            ),
            _list(w, "refusal.list", mail.administrations),
            Paragraph(w("refusal.next")),
            Button(w("to_overview"), mail.overview_url),
        ],
    )


def completion(mail: CompletionMail, w: Words) -> Letter:
    """The move is done; the new inbound address is what people need next."""
    line = mail.administration
    names = {"name": line.name, "code": line.code}
    parties = {"source": mail.source_office_name, "target": mail.target_office_name}
    return _letter(
        w,
        w("completion.subject", **names),
        [
            Paragraph(w("completion.intro", **names, **parties)),
            Highlight(w("label.new_inbound"), line.inbound_mail_address),
            Facts(
                [
                    (w("label.administration"), f"{line.name} ({line.code})"),
                    (w("label.package"), package_label(line.package)),
                    (w("label.from"), mail.source_office_name),
                    (w("label.to"), mail.target_office_name),
                    (w("label.moved"), w("documents", mail.documents_moved)),
                    (w("label.completed_on"), w.when(mail.completed_at)),
                ]
            ),
            Paragraph(w("completion.next")),
            Paragraph(
                f"{w('not_moved')} {w('completion.set_up_again', target=mail.target_office_name)}"
            ),
            Button(w("to_overview"), mail.overview_url),
        ],
    )


def failure(mail: FailureMail, w: Words) -> Letter:
    """The move failed; the source is unchanged and the move can be started again."""
    line = mail.administration
    names = {"name": line.name, "code": line.code}
    parties = {"source": mail.source_office_name, "target": mail.target_office_name}
    return _letter(
        w,
        w("failure.subject", **names),
        [
            Paragraph(w("failure.intro", when=w.when(mail.failed_at), **names, **parties)),
            Facts(
                [
                    (w("label.administration"), f"{line.name} ({line.code})"),
                    (w("label.package"), package_label(line.package)),
                    (w("label.documents"), w.number(line.document_count)),
                    (w("label.reason"), mail.reason.strip() or w("failure.unknown")),
                ]
            ),
            Paragraph(w("failure.nothing_changed", **parties)),
            Button(w("to_overview"), mail.overview_url),
        ],
    )


def release(mail: ReleaseMail, w: Words) -> Letter:
    """The receiver let go of administrations; says whether they are still offered."""
    count = len(mail.administrations)
    said = _counted(w, mail.administrations)
    step = "release.gave_up" if mail.after_failure else "release.cancelled"
    after = "release.offer_stands" if mail.offered_again else "release.free_again"
    return _letter(
        w,
        w("release.subject", target=mail.target_office_name, **said),
        [
            Paragraph(
                w(
                    step,
                    by=mail.released_by_name,
                    target=mail.target_office_name,
                    when=w.when(mail.released_at),
                    **said,
                )
            ),
            _list(w, "release.list", mail.administrations),
            Paragraph(
                f"{w('release.nothing_charged')} {w('still_yours', count)} {w(after, count)}"
            ),
            Button(w("to_overview"), mail.overview_url),
        ],
    )


LETTERS: dict[str, Callable[[Any, Words], Letter]] = {
    "OFFER": offer,
    "REMINDER": reminder,
    "WITHDRAWAL": withdrawal,
    "CLAIM": claim,
    "REJECTION": rejection,
    "EXPIRY": expiry,
    "REFUSAL": refusal,
    "COMPLETION": completion,
    "FAILURE": failure,
    "RELEASE": release,
}
