"""Every word a mail says, in each language side by side, so a letter is written once.

A phrase is a format string, or a pair (one, many) chosen by a count. Adding a language adds
one column here; adding a notice adds its rows here and its class in models/notices.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from mail.formatting import DEFAULT_TIME_ZONE, as_utc
from models.enums import MailLanguage

NL, EN = MailLanguage.NL, MailLanguage.EN

Phrase = str | tuple[str, str]

PHRASES: dict[str, dict[MailLanguage, Phrase]] = {
    # -- how a language writes dates and numbers, without depending on the machine's locale -----
    "months": {
        NL: "januari februari maart april mei juni juli augustus september oktober november "
        "december",
        EN: "January February March April May June July August September October November December",
    },
    "date": {NL: "{day} {month} {year}", EN: "{day} {month} {year}"},
    "date_time": {NL: "{date} om {clock} ({zone})", EN: "{date}, {clock} {zone}"},
    "thousands": {NL: ".", EN: ","},
    # -- shared by every letter ----------------------------------------------------------------
    "greeting": {NL: "Goedendag,", EN: "Hello,"},
    "regards": {NL: "Met vriendelijke groet,", EN: "Kind regards,"},
    "administrations": {
        NL: ("{n} administratie", "{n} administraties"),
        EN: ("{n} administration", "{n} administrations"),
    },
    "documents": {NL: ("{n} document", "{n} documenten"), EN: ("{n} document", "{n} documents")},
    "them": {NL: ("de administratie", "de administraties"), EN: ("it", "them")},
    "these": {NL: ("deze administratie", "deze administraties"), EN: ("it", "them")},
    "of_office": {NL: "{name} van {office}", EN: "{name} of {office}"},
    "not_moved": {
        NL: "Alleen de administratie met haar documentarchief gaat over. Gebruikers, hun "
        "rechten, autorisatoren, autorisatieflows en workflows gaan niet mee.",
        EN: "Only the administration with its document archive moves. Users, their rights, "
        "authorizers, authorization flows and workflows do not.",
    },
    "still_yours": {
        NL: (
            "de administratie staat met al haar documenten nog in uw kantooromgeving.",
            "de administraties staan met al hun documenten nog in uw kantooromgeving.",
        ),
        EN: (
            "the administration and all its documents are still in your office environment.",
            "the administrations and all their documents are still in your office environment.",
        ),
    },
    "offer_again": {
        NL: "U kunt {them} opnieuw aanbieden, aan dezelfde of aan een andere kantooromgeving.",
        EN: "You can offer {them} again, to the same or to another office environment.",
    },
    "premium": {
        NL: "Om administraties te ontvangen moet uw kantooromgeving het Premium-abonnement hebben.",
        EN: "To receive administrations, your office environment must be on the Premium plan.",
    },
    "to_offer": {NL: "Bekijk de migratie", EN: "View the migration"},
    "to_code_entry": {NL: "Code invoeren", EN: "Enter the code"},
    # -- labels ----------------------------------------------------------------------------------
    "label.code": {NL: "Code", EN: "Code"},
    "label.package": {NL: "Pakket", EN: "Package"},
    "label.documents": {NL: "Documenten", EN: "Documents"},
    "label.inbound": {NL: "Inboxadres", EN: "Inbound address"},
    "label.new_inbound": {NL: "Nieuw inboxadres", EN: "New inbound address"},
    "label.transfer_code": {NL: "Overdrachtscode", EN: "Transfer code"},
    "label.offered_by": {NL: "Aangeboden door", EN: "Offered by"},
    "label.office": {NL: "Kantoor", EN: "Office"},
    "label.offered_on": {NL: "Aangeboden op", EN: "Offered on"},
    "label.valid_until": {NL: "Geldig tot", EN: "Valid until"},
    "label.offered_to": {NL: "Aangeboden aan", EN: "Offered to"},
    "label.rejected_by": {NL: "Afgewezen door", EN: "Rejected by"},
    "label.received_by": {NL: "Ontvangen door", EN: "Received by"},
    "label.reason": {NL: "Reden", EN: "Reason"},
    "label.administration": {NL: "Administratie", EN: "Administration"},
    "label.from": {NL: "Van", EN: "From"},
    "label.to": {NL: "Naar", EN: "To"},
    "label.moved": {NL: "Overgezet", EN: "Moved"},
    "label.completed_on": {NL: "Voltooid op", EN: "Completed on"},
    "label.manifest_sha256": {NL: "SHA-256 van het manifest", EN: "SHA-256 of the manifest"},
    "label.recipient": {NL: "Ontvanger", EN: "Recipient"},
    "label.server_answer": {NL: "Antwoord van de mailserver", EN: "Mail server's answer"},
    # -- the offer -------------------------------------------------------------------------------
    "offer.subject": {
        NL: "Overdrachtscode voor {administrations} van {source}",
        EN: "Transfer code for {administrations} from {source}",
    },
    "offer.intro": {
        NL: "{requester} van {source} biedt uw kantooromgeving {administrations} aan, met het "
        "volledige documentarchief. Met de overdrachtscode hieronder kan een supergebruiker van "
        "uw kantooromgeving {them} ontvangen.",
        EN: "{requester} of {source} offers your office environment {administrations}, with the "
        "complete document archive. With the transfer code below, a superuser of your office "
        "environment can receive {them}.",
    },
    "offer.list": {
        NL: ("Aangeboden administratie:", "Aangeboden administraties:"),
        EN: ("Administration offered:", "Administrations offered:"),
    },
    "offer.steps": {NL: "Zo ontvangt u {them}:", EN: "To receive {them}:"},
    "offer.step.sign_in": {
        NL: "Ga naar {url} en log in als supergebruiker.",
        EN: "Go to {url} and sign in as a superuser.",
    },
    "offer.step.code": {
        NL: "Voer de overdrachtscode in. Hoofdletters, spaties en streepjes maken niet uit.",
        EN: "Enter the transfer code. Upper or lower case, spaces and dashes do not matter.",
    },
    "offer.step.terms": {
        NL: "Controleer wat er wordt aangeboden en accepteer de voorwaarden en de "
        "migratiekosten. De kosten worden per administratie in rekening gebracht bij uw "
        "kantooromgeving.",
        EN: "Check what is offered and accept the terms and the migration costs. The costs are "
        "charged to your office environment, per administration.",
    },
    "offer.step.connection": {
        NL: "Kies per administratie de boekhoudsysteemkoppeling van hetzelfde pakket "
        "({packages}) waarin u haar ontvangt, of wijs haar af.",
        EN: "For each administration, choose a connection of the same accounting package "
        "({packages}) to receive it into, or reject it.",
    },
    "offer.validity": {
        NL: "De code is geldig tot {until}. Daarna kan hij niet meer worden gebruikt en moet "
        "{requester} {them} opnieuw aanbieden. Behandel de code als een wachtwoord en deel hem "
        "alleen met supergebruikers van uw eigen kantooromgeving.",
        EN: "The code is valid until {until}. After that it can no longer be used and "
        "{requester} has to offer {them} again. Treat the code like a password and share it "
        "only with superusers of your own office environment.",
    },
    "offer.unexpected": {
        NL: "Verwachtte u deze mail niet? Dan hoeft u niets te doen: zonder de code gebeurt er "
        "niets.",
        EN: "Not expecting this mail? Then you need not do anything: nothing happens without "
        "the code.",
    },
    # -- the reminder ----------------------------------------------------------------------------
    "reminder.subject": {
        NL: "Herinnering: de overdrachtscode van {source} verloopt op {day}",
        EN: "Reminder: the transfer code from {source} expires on {day}",
    },
    "reminder.intro": {
        NL: "{requester} van {source} biedt uw kantooromgeving nog {administrations} aan. De "
        "overdrachtscode is geldig tot {until}; daarna moet {requester} {them} opnieuw "
        "aanbieden.",
        EN: "{requester} of {source} still offers your office environment {administrations}. "
        "The transfer code is valid until {until}; after that {requester} has to offer {them} "
        "again.",
    },
    "reminder.list": {
        NL: ("Nog aangeboden administratie:", "Nog aangeboden administraties:"),
        EN: ("Administration still offered:", "Administrations still offered:"),
    },
    "reminder.decline": {
        NL: "Wilt u {them} niet ontvangen? Wijs {them} dan af, zodat {requester} het weet.",
        EN: "Do you not want {them}? Then reject {them}, so that {requester} knows.",
    },
    # -- withdrawal ------------------------------------------------------------------------------
    "withdrawal.subject": {
        NL: "Aanbod ingetrokken: {administrations} van {source}",
        EN: "Offer withdrawn: {administrations} from {source}",
    },
    "withdrawal.intro": {
        NL: "{requester} van {source} heeft op {when} het aanbod van {administrations} "
        "ingetrokken. U kunt {these} niet meer ontvangen; de overdrachtscode geldt er niet meer "
        "voor.",
        EN: "{requester} of {source} withdrew the offer of {administrations} on {when}. You can "
        "no longer receive {these}; the transfer code no longer applies to {these}.",
    },
    "withdrawal.list": {
        NL: ("Ingetrokken administratie:", "Ingetrokken administraties:"),
        EN: ("Administration withdrawn:", "Administrations withdrawn:"),
    },
    "withdrawal.rest": {
        NL: "Administraties uit hetzelfde aanbod die hier niet staan, blijven aangeboden met "
        "dezelfde overdrachtscode.",
        EN: "Administrations of the same offer that are not listed here are still offered "
        "under the same transfer code.",
    },
    # -- the claim -------------------------------------------------------------------------------
    "claim.subject": {
        NL: "Aanbod ontvangen: {administrations} door {target}",
        EN: "Offer received: {administrations} by {target}",
    },
    "claim.intro": {
        NL: "{receiver} van {target} heeft op {when} {administrations} uit uw aanbod "
        "ontvangen. De overdracht staat in de wachtrij; u krijgt bericht zodra die voltooid is.",
        EN: "{receiver} of {target} received {administrations} of your offer on {when}. The "
        "move is queued; you will hear from us when it is complete.",
    },
    "claim.list": {
        NL: ("Ontvangen administratie:", "Ontvangen administraties:"),
        EN: ("Administration received:", "Administrations received:"),
    },
    # -- rejection -------------------------------------------------------------------------------
    "rejection.subject": {
        NL: ("Administratie afgewezen door {target}", "Administraties afgewezen door {target}"),
        EN: ("Administration rejected by {target}", "Administrations rejected by {target}"),
    },
    "rejection.intro": {
        NL: "{by} van {target} heeft op {when} {administrations} uit uw aanbod afgewezen.",
        EN: "{by} of {target} rejected {administrations} of your offer on {when}.",
    },
    "rejection.no_reason": {NL: "Er is geen reden opgegeven.", EN: "No reason was given."},
    "rejection.list": {
        NL: ("Afgewezen administratie:", "Afgewezen administraties:"),
        EN: ("Administration rejected:", "Administrations rejected:"),
    },
    "nothing_moved": {NL: "Er is niets verplaatst:", EN: "Nothing has moved:"},
    # -- expiry ----------------------------------------------------------------------------------
    "expiry.subject": {
        NL: "Aanbod verlopen: {administrations} niet ontvangen",
        EN: "Offer expired: {administrations} not received",
    },
    "expiry.intro": {
        NL: "Uw aanbod van {administrations} is op {when} verlopen; niemand heeft {them} met de "
        "overdrachtscode ontvangen. De code werkt niet meer.",
        EN: "Your offer of {administrations} expired on {when}; nobody received {them} with the "
        "transfer code. The code no longer works.",
    },
    "expiry.list": {
        NL: ("Verlopen administratie:", "Verlopen administraties:"),
        EN: ("Administration expired:", "Administrations expired:"),
    },
    # -- refused recipient -----------------------------------------------------------------------
    "refusal.subject": {
        NL: "Overdrachtscode niet bezorgd bij {address}",
        EN: "Transfer code not delivered to {address}",
    },
    "refusal.intro": {
        NL: "De mail met de overdrachtscode voor {administrations} kon niet worden bezorgd bij "
        "{address}. De mailserver heeft de mail geweigerd, dus deze ontvanger heeft de code "
        "niet.",
        EN: "The mail with the transfer code for {administrations} could not be delivered to "
        "{address}. The mail server refused it, so this recipient does not have the code.",
    },
    "refusal.gave_up": {
        NL: "De mail met de overdrachtscode voor {administrations} kon ook na herhaalde "
        "pogingen niet worden bezorgd bij {address}: de mailserver stelde hem steeds uit. Deze "
        "ontvanger heeft de code dus niet.",
        EN: "The mail with the transfer code for {administrations} could not be delivered to "
        "{address}, even after repeated attempts: the mail server kept deferring it. So this "
        "recipient does not have the code.",
    },
    "refusal.next": {
        NL: "Controleer het adres en wijzig zo nodig de ontvangers van het aanbod: nieuwe "
        "ontvangers krijgen de code dan per mail. U kunt het aanbod ook intrekken.",
        EN: "Check the address and change the offer's recipients if needed: new recipients are "
        "then mailed the code. You can also withdraw the offer.",
    },
    "refusal.list": {
        NL: ("Administratie in het aanbod:", "Administraties in het aanbod:"),
        EN: ("Administration in the offer:", "Administrations in the offer:"),
    },
    # -- completion ------------------------------------------------------------------------------
    "completion.subject": {
        NL: "Overdracht voltooid: {name} ({code})",
        EN: "Move completed: {name} ({code})",
    },
    "completion.intro": {
        NL: "De administratie {name} ({code}) is met het volledige documentarchief overgegaan "
        "van {source} naar {target}.",
        EN: "The administration {name} ({code}) has moved with its complete document archive "
        "from {source} to {target}.",
    },
    "completion.manifest": {
        NL: "Het manifest somt elk overgezet document op met de controlegetallen van het "
        "bestand. Supergebruikers van beide kantoren downloaden het bij de overdracht; met de "
        "SHA-256 hierboven toont u later aan dat het manifest ongewijzigd is.",
        EN: "The manifest lists every document moved with its file's checksums. Superusers of "
        "both offices download it from the move's receipt; the SHA-256 above shows later that "
        "the manifest is unchanged.",
    },
    "completion.next": {
        NL: "Documenten voor deze administratie gaan voortaan naar het nieuwe inboxadres. Geef "
        "het door aan de klant en aan iedereen die documenten voor deze administratie mailt.",
        EN: "From now on, documents for this administration go to the new inbound address. "
        "Pass it on to the client and to everyone who mails documents for this administration.",
    },
    "completion.set_up_again": {
        NL: "Stel die zo nodig opnieuw in bij {target}.",
        EN: "Set them up again at {target} if needed.",
    },
    # -- an endpoint disabled -------------------------------------------------------------------
    "endpoint_disabled.subject": {
        NL: "Webhook uitgeschakeld voor {office}",
        EN: "Webhook disabled for {office}",
    },
    "endpoint_disabled.intro": {
        NL: "Een webhook-endpoint van {office} nam dagenlang geen enkele melding aan. Overdracht "
        "heeft het daarom uitgeschakeld: het krijgt geen meldingen meer.",
        EN: "A webhook endpoint of {office} accepted no event for days, so Overdracht disabled "
        "it: it gets no more events.",
    },
    "endpoint_disabled.no_answer": {
        NL: "Geen antwoord (niet bereikbaar of te laat).",
        EN: "No answer (unreachable or too late).",
    },
    "endpoint_disabled.next": {
        NL: "Herstel het endpoint en zet het weer aan met updateWebhookEndpoint; meldingen die "
        "niet aankwamen kunt u opnieuw laten bezorgen met redeliverWebhookEvent.",
        EN: "Repair the endpoint and enable it again with updateWebhookEndpoint; events that did "
        "not arrive can be delivered again with redeliverWebhookEvent.",
    },
    "to_overview": {NL: "Naar Overdracht", EN: "Open Overdracht"},
    "label.endpoint": {NL: "Endpoint", EN: "Endpoint"},
    "label.failing_since": {NL: "Mislukt sinds", EN: "Failing since"},
    "label.disabled_on": {NL: "Uitgeschakeld op", EN: "Disabled on"},
    "label.last_answer": {NL: "Laatste antwoord", EN: "Last answer"},
    # -- failure ---------------------------------------------------------------------------------
    "failure.subject": {
        NL: "Overdracht mislukt: {name} ({code})",
        EN: "Move failed: {name} ({code})",
    },
    "failure.intro": {
        NL: "De overdracht van de administratie {name} ({code}) van {source} naar {target} is "
        "op {when} mislukt.",
        EN: "Moving the administration {name} ({code}) from {source} to {target} failed on {when}.",
    },
    "failure.unknown": {NL: "Onbekend.", EN: "Unknown."},
    "failure.nothing_changed": {
        NL: "Er is niets veranderd: de administratie staat met al haar documenten ongewijzigd "
        "bij {source}, en {target} ziet er niets van. De ontvanger kan de overdracht opnieuw "
        "starten of ervan afzien; de aanbieder kan haar ook intrekken.",
        EN: "Nothing has changed: the administration and all its documents are still in "
        "{source}, unchanged, and {target} sees none of it. The receiver can start the move "
        "again or give it up; the sender can also withdraw it.",
    },
    # -- release ---------------------------------------------------------------------------------
    "release.subject": {
        NL: "{target} ziet af van {administrations}",
        EN: "{target} let go of {administrations}",
    },
    "release.gave_up": {
        NL: "{by} van {target} heeft op {when} de mislukte overdracht van {administrations} "
        "opgegeven.",
        EN: "{by} of {target} gave up the failed move of {administrations} on {when}.",
    },
    "release.cancelled": {
        NL: "{by} van {target} heeft op {when} de overdracht van {administrations} geannuleerd "
        "voordat die begon.",
        EN: "{by} of {target} cancelled the move of {administrations} before it started on {when}.",
    },
    "release.list": {
        NL: ("Administratie:", "Administraties:"),
        EN: ("Administration:", "Administrations:"),
    },
    "release.nothing_charged": {
        NL: "Er is niets verplaatst en niets in rekening gebracht:",
        EN: "Nothing has moved and nothing is charged:",
    },
    "release.offer_stands": {
        NL: "Uw aanbod blijft staan: dezelfde overdrachtscode kan opnieuw worden gebruikt tot "
        "die verloopt, en u kunt het aanbod nog intrekken.",
        EN: "Your offer stands: the same transfer code can be used again until it expires, and "
        "you can still withdraw it.",
    },
    "release.free_again": {
        NL: (
            "Ze staat niet meer in een aanbod: u kunt haar opnieuw aanbieden, aan dezelfde of "
            "aan een andere kantooromgeving.",
            "Ze staan niet meer in een aanbod: u kunt ze opnieuw aanbieden, aan dezelfde of aan "
            "een andere kantooromgeving.",
        ),
        EN: (
            "It is no longer in an offer: you can offer it again, to the same or to another "
            "office environment.",
            "They are no longer in an offer: you can offer them again, to the same or to "
            "another office environment.",
        ),
    },
}


class Words:
    """The phrases of one language, with dates in one time zone: what a letter writes with."""

    def __init__(self, language: MailLanguage, zone: ZoneInfo) -> None:
        self.language = language
        self.zone = zone

    def __call__(self, key: str, count: int | None = None, **values: object) -> str:
        """One phrase in this language; a count picks singular or plural and fills `{n}`."""
        phrase = PHRASES[key][self.language]
        if isinstance(phrase, tuple):
            if count is None:
                raise ValueError(f"phrase {key!r} needs a count")
            phrase = phrase[0] if count == 1 else phrase[1]
        if count is not None:
            values.setdefault("n", self.number(count))
        return phrase.format(**values)

    def when(self, moment: datetime) -> str:
        """A moment in the office's time zone, with the zone's abbreviation."""
        local = as_utc(moment).astimezone(self.zone)
        return self(
            "date_time",
            date=self.day(moment),
            clock=f"{local.hour:02d}:{local.minute:02d}",
            zone=local.tzname() or "UTC",
        )

    def day(self, moment: datetime) -> str:
        """The date alone, for a subject line."""
        local = as_utc(moment).astimezone(self.zone)
        month = month_names(self.language)[local.month - 1]
        return self("date", day=local.day, month=month, year=local.year)

    def number(self, count: int) -> str:
        """A count with the thousands separator of this language."""
        return f"{count:,}".replace(",", self("thousands"))


def month_names(language: MailLanguage) -> list[str]:
    """The twelve month names of a language, January first."""
    return str(PHRASES["months"][language]).split()


def format_datetime(moment: datetime, language: MailLanguage, zone: ZoneInfo | None = None) -> str:
    """A moment as a reader in the office writes it: local time, the zone's abbreviation."""
    return Words(language, zone or ZoneInfo(DEFAULT_TIME_ZONE)).when(moment)


def format_count(number: int, language: MailLanguage) -> str:
    """A whole number with the thousands separator the reader's language uses."""
    return Words(language, ZoneInfo(DEFAULT_TIME_ZONE)).number(number)


def missing_phrases() -> list[str]:
    """Phrases lacking a language, or a plural form in one language only; empty when whole."""
    problems = []
    for key, by_language in PHRASES.items():
        for language in MailLanguage:
            if language not in by_language:
                problems.append(f"{key}: no {language.value}")
        if len({isinstance(p, tuple) for p in by_language.values()}) > 1:
            problems.append(f"{key}: plural in one language only")
    return problems
