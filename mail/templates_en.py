"""The English texts of every mail, for offers that ask for English."""

from __future__ import annotations

from typing import TYPE_CHECKING

from mail.formatting import format_count, format_datetime, package_label, plural
from mail.layout import Button, Facts, Highlight, Item, Items, Letter, Paragraph, Steps
from models.enums import MailLanguage

if TYPE_CHECKING:
    from datetime import datetime

    from mail.messages import (
        AdministrationLine,
        CompletionMail,
        FailureMail,
        OfferMail,
        RejectionMail,
        ReleaseMail,
        WithdrawalMail,
    )

EN = MailLanguage.EN
GREETING = "Hello,"
CLOSING = ["Kind regards,", "Overdracht"]
NOT_MOVED = (
    "Only the administration with its document archive moves. Users, their rights, "
    "authorizers, authorization flows and workflows do not."
)


def _when(moment: datetime) -> str:
    return format_datetime(moment, EN)


def _administrations(count: int) -> str:
    return f"{count} {plural(count, 'administration', 'administrations')}"


def _documents(count: int) -> str:
    return f"{format_count(count, EN)} {plural(count, 'document', 'documents')}"


def _details(line: AdministrationLine) -> list[tuple[str, str]]:
    return [
        ("Code", line.code),
        ("Package", package_label(line.package)),
        ("Documents", format_count(line.document_count, EN)),
        ("Inbound address", line.inbound_mail_address),
    ]


def _list(title: str, lines: list[AdministrationLine]) -> Items:
    return Items(title=title, items=[Item(line.name, _details(line)) for line in lines])


def offer(mail: OfferMail) -> Letter:
    """The transfer code, its expiry and the steps to receive the administrations."""
    count = len(mail.administrations)
    source = f"{mail.source_office_name} ({mail.source_office_code})"
    packages = sorted({package_label(line.package) for line in mail.administrations})
    them = plural(count, "it", "them")
    return Letter(
        language=EN,
        subject=f"Transfer code for {_administrations(count)} from {source}",
        greeting=GREETING,
        blocks=[
            Paragraph(
                f"{mail.requester_name} of {source} offers your office environment "
                f"{_administrations(count)}, with the complete document archive. With the "
                f"transfer code below, a superuser of your office environment can receive {them}."
            ),
            Highlight("Transfer code", mail.transfer_code),
            Facts(
                [
                    ("Offered by", f"{mail.requester_name} <{mail.requester_email}>"),
                    ("Office", source),
                    ("Offered on", _when(mail.offered_at)),
                    ("Valid until", _when(mail.expires_at)),
                ]
            ),
            _list(
                plural(count, "Administration offered:", "Administrations offered:"),
                mail.administrations,
            ),
            Steps(
                f"To receive {them}:",
                [
                    f"Go to {mail.service_url} and sign in as a superuser.",
                    "Enter the transfer code. Upper or lower case, spaces and dashes do not "
                    "matter.",
                    "Check what is offered and accept the terms and the migration costs. The "
                    "costs are charged to your office environment, per administration.",
                    "For each administration, choose a connection of the same accounting "
                    "package (" + ", ".join(packages) + ") to receive it into, or reject it.",
                ],
            ),
            Button("Go to Overdracht", mail.service_url),
            Paragraph(
                f"The code is valid until {_when(mail.expires_at)}. After that it can no longer "
                f"be used and {mail.requester_name} has to offer {them} again. "
                "Treat the code like a password and share it only with superusers of your own "
                "office environment."
            ),
            Paragraph(NOT_MOVED),
            Paragraph(
                "Not expecting this mail? Then you need not do anything: nothing happens "
                "without the code."
            ),
        ],
        closing=CLOSING,
    )


def withdrawal(mail: WithdrawalMail) -> Letter:
    """The administrations that can no longer be received."""
    count = len(mail.administrations)
    source = f"{mail.source_office_name} ({mail.source_office_code})"
    return Letter(
        language=EN,
        subject=f"Offer withdrawn: {_administrations(count)} from {source}",
        greeting=GREETING,
        blocks=[
            Paragraph(
                f"{mail.requester_name} of {source} withdrew the offer of "
                f"{_administrations(count)} on {_when(mail.withdrawn_at)}. You can no longer "
                f"receive {plural(count, 'it', 'them')}; the transfer code no longer applies "
                f"to {plural(count, 'it', 'them')}."
            ),
            _list(
                plural(count, "Administration withdrawn:", "Administrations withdrawn:"),
                mail.administrations,
            ),
            Paragraph(
                "Administrations of the same offer that are not listed here are still offered "
                "under the same transfer code."
            ),
        ],
        closing=CLOSING,
    )


def rejection(mail: RejectionMail) -> Letter:
    """Tells the requester who rejected what, and why if a reason was given."""
    count = len(mail.administrations)
    noun = plural(count, "Administration", "Administrations")
    reason = mail.reason.strip() or "No reason was given."
    return Letter(
        language=EN,
        subject=f"{noun} rejected by {mail.target_office_name}",
        greeting=GREETING,
        blocks=[
            Paragraph(
                f"{mail.rejected_by_name} of {mail.target_office_name} rejected "
                f"{_administrations(count)} of your offer on {_when(mail.rejected_at)}."
            ),
            Facts([("Rejected by", mail.rejected_by_name), ("Reason", reason)]),
            _list(
                plural(count, "Administration rejected:", "Administrations rejected:"),
                mail.administrations,
            ),
            Paragraph(
                "Nothing has moved: "
                + plural(
                    count,
                    "the administration and all its documents are still in your office "
                    "environment. You can offer it again",
                    "the administrations and all their documents are still in your office "
                    "environment. You can offer them again",
                )
                + ", to the same or to another office environment."
            ),
        ],
        closing=CLOSING,
    )


def completion(mail: CompletionMail) -> Letter:
    """The move is done; the new inbound address is what people need next."""
    line = mail.administration
    return Letter(
        language=EN,
        subject=f"Move completed: {line.name} ({line.code})",
        greeting=GREETING,
        blocks=[
            Paragraph(
                f"The administration {line.name} ({line.code}) has moved with its complete "
                f"document archive from {mail.source_office_name} to "
                f"{mail.target_office_name}."
            ),
            Highlight("New inbound address", line.inbound_mail_address),
            Facts(
                [
                    ("Administration", f"{line.name} ({line.code})"),
                    ("Package", package_label(line.package)),
                    ("From", mail.source_office_name),
                    ("To", mail.target_office_name),
                    ("Moved", _documents(mail.documents_moved)),
                    ("Completed on", _when(mail.completed_at)),
                ]
            ),
            Paragraph(
                "From now on, documents for this administration go to the new inbound address. "
                "Pass it on to the client and to everyone who mails documents for this "
                "administration."
            ),
            Paragraph(f"{NOT_MOVED} Set them up again at {mail.target_office_name} if needed."),
        ],
        closing=CLOSING,
    )


def failure(mail: FailureMail) -> Letter:
    """The move failed; the source is unchanged and the move can be started again."""
    line = mail.administration
    return Letter(
        language=EN,
        subject=f"Move failed: {line.name} ({line.code})",
        greeting=GREETING,
        blocks=[
            Paragraph(
                f"Moving the administration {line.name} ({line.code}) from "
                f"{mail.source_office_name} to {mail.target_office_name} failed on "
                f"{_when(mail.failed_at)}."
            ),
            Facts(
                [
                    ("Administration", f"{line.name} ({line.code})"),
                    ("Package", package_label(line.package)),
                    ("Documents", format_count(line.document_count, EN)),
                    ("Reason", mail.reason.strip() or "Unknown."),
                ]
            ),
            Paragraph(
                f"Nothing has changed: the administration and all its documents are still in "
                f"{mail.source_office_name}, unchanged, and {mail.target_office_name} sees none "
                "of it. The receiver can start the move again or give it up; the sender can also "
                "withdraw it."
            ),
        ],
        closing=CLOSING,
    )


def release(mail: ReleaseMail) -> Letter:
    """The receiver let go of administrations; says whether they are still offered."""
    count = len(mail.administrations)
    what = _administrations(count)
    if mail.after_failure:
        step = f"gave up the failed move of {what}"
    else:
        step = f"cancelled the move of {what} before it started"
    if mail.offered_again:
        after = (
            "Your offer stands: the same transfer code can be used again until it expires, "
            "and you can still withdraw it."
        )
    else:
        after = (
            "They are no longer in an offer: you can offer them again, to the same or to "
            "another office environment."
        )
    return Letter(
        language=EN,
        subject=f"{mail.target_office_name} let go of {what}",
        greeting=GREETING,
        blocks=[
            Paragraph(
                f"{mail.released_by_name} of {mail.target_office_name} {step} on "
                f"{_when(mail.released_at)}."
            ),
            _list(plural(count, "Administration:", "Administrations:"), mail.administrations),
            Paragraph(
                "Nothing has moved and nothing is charged: "
                + plural(
                    count,
                    "the administration and all its documents are still in your office "
                    "environment. ",
                    "the administrations and all their documents are still in your office "
                    "environment. ",
                )
                + after
            ),
        ],
        closing=CLOSING,
    )
