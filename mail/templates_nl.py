"""The Dutch texts of every mail; Dutch is the default language of an offer."""

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

NL = MailLanguage.NL
GREETING = "Goedendag,"
CLOSING = ["Met vriendelijke groet,", "Overdracht"]
NOT_MOVED = (
    "Alleen de administratie met haar documentarchief gaat over. Gebruikers, hun rechten, "
    "autorisatoren, autorisatieflows en workflows gaan niet mee."
)


def _when(moment: datetime) -> str:
    return format_datetime(moment, NL)


def _administrations(count: int) -> str:
    return f"{count} {plural(count, 'administratie', 'administraties')}"


def _documents(count: int) -> str:
    return f"{format_count(count, NL)} {plural(count, 'document', 'documenten')}"


def _details(line: AdministrationLine) -> list[tuple[str, str]]:
    return [
        ("Code", line.code),
        ("Pakket", package_label(line.package)),
        ("Documenten", format_count(line.document_count, NL)),
        ("Inboxadres", line.inbound_mail_address),
    ]


def _list(title: str, lines: list[AdministrationLine]) -> Items:
    return Items(title=title, items=[Item(line.name, _details(line)) for line in lines])


def offer(mail: OfferMail) -> Letter:
    """The transfer code, its expiry and the steps to receive the administrations."""
    count = len(mail.administrations)
    source = f"{mail.source_office_name} ({mail.source_office_code})"
    packages = sorted({package_label(line.package) for line in mail.administrations})
    return Letter(
        language=NL,
        subject=f"Overdrachtscode voor {_administrations(count)} van {source}",
        greeting=GREETING,
        blocks=[
            Paragraph(
                f"{mail.requester_name} van {source} biedt uw kantooromgeving "
                f"{_administrations(count)} aan, met het volledige documentarchief. "
                "Met de overdrachtscode hieronder kan een supergebruiker van uw kantooromgeving "
                f"{plural(count, 'de administratie', 'de administraties')} ontvangen."
            ),
            Highlight("Overdrachtscode", mail.transfer_code),
            Facts(
                [
                    ("Aangeboden door", f"{mail.requester_name} <{mail.requester_email}>"),
                    ("Kantoor", source),
                    ("Aangeboden op", _when(mail.offered_at)),
                    ("Geldig tot", _when(mail.expires_at)),
                ]
            ),
            _list(
                plural(count, "Aangeboden administratie:", "Aangeboden administraties:"),
                mail.administrations,
            ),
            Steps(
                f"Zo ontvangt u {plural(count, 'de administratie', 'de administraties')}:",
                [
                    f"Ga naar {mail.service_url} en log in als supergebruiker.",
                    "Voer de overdrachtscode in. Hoofdletters, spaties en streepjes maken niet "
                    "uit.",
                    "Controleer wat er wordt aangeboden en accepteer de voorwaarden en de "
                    "migratiekosten. De kosten worden per administratie in rekening gebracht bij "
                    "uw kantooromgeving.",
                    "Kies per administratie een boekhoudsysteemkoppeling van hetzelfde pakket ("
                    + ", ".join(packages)
                    + ") om haar in te ontvangen, of wijs haar af.",
                ],
            ),
            Button("Naar Overdracht", mail.service_url),
            Paragraph(
                f"De code is geldig tot {_when(mail.expires_at)}. Daarna kan hij niet meer "
                f"worden gebruikt en moet {mail.requester_name} "
                f"{plural(count, 'de administratie', 'de administraties')} opnieuw aanbieden. "
                "Behandel de code als een wachtwoord en deel hem alleen met "
                "supergebruikers van uw eigen kantooromgeving."
            ),
            Paragraph(NOT_MOVED),
            Paragraph(
                "Verwachtte u deze mail niet? Dan hoeft u niets te doen: zonder de code gebeurt "
                "er niets."
            ),
        ],
        closing=CLOSING,
    )


def withdrawal(mail: WithdrawalMail) -> Letter:
    """The administrations that can no longer be received."""
    count = len(mail.administrations)
    source = f"{mail.source_office_name} ({mail.source_office_code})"
    return Letter(
        language=NL,
        subject=f"Aanbod ingetrokken: {_administrations(count)} van {source}",
        greeting=GREETING,
        blocks=[
            Paragraph(
                f"{mail.requester_name} van {source} heeft op {_when(mail.withdrawn_at)} het "
                f"aanbod van {_administrations(count)} ingetrokken. U kunt "
                f"{plural(count, 'deze administratie', 'deze administraties')} niet meer "
                "ontvangen; de overdrachtscode geldt er niet meer voor."
            ),
            _list(
                plural(count, "Ingetrokken administratie:", "Ingetrokken administraties:"),
                mail.administrations,
            ),
            Paragraph(
                "Administraties uit hetzelfde aanbod die hier niet staan, blijven aangeboden "
                "met dezelfde overdrachtscode."
            ),
        ],
        closing=CLOSING,
    )


def rejection(mail: RejectionMail) -> Letter:
    """Tells the requester who rejected what, and why if a reason was given."""
    count = len(mail.administrations)
    noun = plural(count, "Administratie", "Administraties")
    reason = mail.reason.strip() or "Er is geen reden opgegeven."
    return Letter(
        language=NL,
        subject=f"{noun} afgewezen door {mail.target_office_name}",
        greeting=GREETING,
        blocks=[
            Paragraph(
                f"{mail.rejected_by_name} van {mail.target_office_name} heeft op "
                f"{_when(mail.rejected_at)} {_administrations(count)} uit uw aanbod afgewezen."
            ),
            Facts([("Afgewezen door", mail.rejected_by_name), ("Reden", reason)]),
            _list(
                plural(count, "Afgewezen administratie:", "Afgewezen administraties:"),
                mail.administrations,
            ),
            Paragraph(
                "Er is niets verplaatst: "
                + plural(
                    count,
                    "de administratie staat met al haar documenten nog in uw kantooromgeving. "
                    "U kunt haar opnieuw aanbieden",
                    "de administraties staan met al hun documenten nog in uw kantooromgeving. "
                    "U kunt ze opnieuw aanbieden",
                )
                + ", aan dezelfde of aan een andere kantooromgeving."
            ),
        ],
        closing=CLOSING,
    )


def completion(mail: CompletionMail) -> Letter:
    """The move is done; the new inbound address is what people need next."""
    line = mail.administration
    return Letter(
        language=NL,
        subject=f"Overdracht voltooid: {line.name} ({line.code})",
        greeting=GREETING,
        blocks=[
            Paragraph(
                f"De administratie {line.name} ({line.code}) is met het volledige "
                f"documentarchief overgegaan van {mail.source_office_name} naar "
                f"{mail.target_office_name}."
            ),
            Highlight("Nieuw inboxadres", line.inbound_mail_address),
            Facts(
                [
                    ("Administratie", f"{line.name} ({line.code})"),
                    ("Pakket", package_label(line.package)),
                    ("Van", mail.source_office_name),
                    ("Naar", mail.target_office_name),
                    ("Overgezet", _documents(mail.documents_moved)),
                    ("Voltooid op", _when(mail.completed_at)),
                ]
            ),
            Paragraph(
                "Documenten voor deze administratie gaan voortaan naar het nieuwe inboxadres. "
                "Geef het door aan de klant en aan iedereen die documenten voor deze "
                "administratie mailt."
            ),
            Paragraph(f"{NOT_MOVED} Stel die zo nodig opnieuw in bij {mail.target_office_name}."),
        ],
        closing=CLOSING,
    )


def failure(mail: FailureMail) -> Letter:
    """The move failed; the source is unchanged and the move can be started again."""
    line = mail.administration
    return Letter(
        language=NL,
        subject=f"Overdracht mislukt: {line.name} ({line.code})",
        greeting=GREETING,
        blocks=[
            Paragraph(
                f"De overdracht van de administratie {line.name} ({line.code}) van "
                f"{mail.source_office_name} naar {mail.target_office_name} is op "
                f"{_when(mail.failed_at)} mislukt."
            ),
            Facts(
                [
                    ("Administratie", f"{line.name} ({line.code})"),
                    ("Pakket", package_label(line.package)),
                    ("Documenten", format_count(line.document_count, NL)),
                    ("Reden", mail.reason.strip() or "Onbekend."),
                ]
            ),
            Paragraph(
                f"Er is niets veranderd: de administratie staat met al haar documenten "
                f"ongewijzigd bij {mail.source_office_name}, en {mail.target_office_name} ziet "
                "er niets van. De ontvanger kan de overdracht opnieuw starten of ervan afzien; de "
                "aanbieder kan haar ook intrekken."
            ),
        ],
        closing=CLOSING,
    )


def release(mail: ReleaseMail) -> Letter:
    """The receiver let go of administrations; says whether they are still offered."""
    count = len(mail.administrations)
    what = _administrations(count)
    if mail.after_failure:
        step = f"de mislukte overdracht van {what} opgegeven"
    else:
        step = f"de overdracht van {what} geannuleerd voordat die begon"
    if mail.offered_again:
        after = (
            "Uw aanbod blijft staan: dezelfde overdrachtscode kan opnieuw worden gebruikt tot "
            "die verloopt, en u kunt het aanbod nog intrekken."
        )
    else:
        after = (
            "Ze staan niet meer in een aanbod: u kunt ze opnieuw aanbieden, aan dezelfde of aan "
            "een andere kantooromgeving."
        )
    return Letter(
        language=NL,
        subject=f"{mail.target_office_name} ziet af van {what}",
        greeting=GREETING,
        blocks=[
            Paragraph(
                f"{mail.released_by_name} van {mail.target_office_name} heeft op "
                f"{_when(mail.released_at)} {step}."
            ),
            _list(plural(count, "Administratie:", "Administraties:"), mail.administrations),
            Paragraph(
                "Er is niets verplaatst en niets in rekening gebracht: "
                + plural(
                    count,
                    "de administratie staat met al haar documenten nog in uw kantooromgeving. ",
                    "de administraties staan met al hun documenten nog in uw kantooromgeving. ",
                )
                + after
            ),
        ],
        closing=CLOSING,
    )
