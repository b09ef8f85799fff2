"""The product's terms for moving administrations (rule 8): one version, in Dutch and English.

Offering and receiving each accept the version the user was shown; that version is recorded
on the offer and on each reception. A new version is a new VERSION and new texts here: from
then on a screen still showing the old one is refused (TERMS_OUTDATED), so nobody accepts
words they did not read.
"""

from __future__ import annotations

from models.enums import MailLanguage

VERSION = "2026-12"

_DUTCH = """\
Voorwaarden van Overdracht voor het migreren van administraties (versie 2026-12)

Overdracht is de dienst waarmee een kantoor een administratie met haar volledige \
documentarchief overdraagt aan de kantooromgeving van een ander kantoor. Deze voorwaarden \
gelden voor het afgevende en het ontvangende kantoor.

1. Wat er meegaat. Alle documenten van de administratie: de bestanden, hun gegevens en hun \
geschiedenis, geboekte documenten inbegrepen. Waar een document een persoon van het afgevende \
kantoor noemt (geüpload door, goedgekeurd door), blijft alleen diens naam staan.

2. Wat er niet meegaat. Gebruikers en hun rechten, autorisatoren, autorisatieflows en \
workflows blijven bij het afgevende kantoor. Het ontvangende kantoor richt die zelf opnieuw in.

3. De overdrachtscode. Wie de code heeft, kan de aangeboden administraties ophalen. Houd haar \
geheim: geef haar alleen aan de supergebruikers van het ontvangende kantoor, nooit in een \
link of een openbaar kanaal. Het afgevende kantoor kan een aanbod intrekken zolang de \
migratie niet begonnen is.

4. Kosten. Het ontvangende kantoor betaalt per administratie die volledig is overgezet het \
bedrag dat vóór het accepteren wordt getoond. Een geannuleerde, ingetrokken, opgegeven of \
mislukte migratie kost niets.

5. Verantwoordelijkheid. Het afgevende kantoor verklaart dat het de administratie mag \
overdragen en dat zijn klant daarmee instemt. Vanaf de voltooiing is het ontvangende kantoor \
verantwoordelijk voor de administratie en haar documenten. Overdracht controleert elk bestand \
aan zijn controlegetal en legt elke stap vast; een mislukte migratie laat de administratie \
bij het afgevende kantoor zoals zij was. Overdracht is niet aansprakelijk voor indirecte \
schade, en ten hoogste voor het bedrag dat voor de betreffende migratie is betaald.

6. Vastlegging. Welke versie van deze voorwaarden is geaccepteerd, door wie en wanneer, wordt \
vastgelegd bij het aanbod en bij elke ontvangst.
"""

_ENGLISH = """\
Overdracht's terms for migrating administrations (version 2026-12)

Overdracht is the service with which an office hands an administration, with its whole \
document archive, to another office's environment. These terms apply to the offering and to \
the receiving office.

1. What moves. Every document of the administration: the files, their data and their \
history, booked documents included. Where a document names a person of the offering office \
(uploaded by, approved by), only that person's name is kept.

2. What does not move. Users and their rights, authorizers, authorization flows and workflows \
stay with the offering office. The receiving office sets up its own.

3. The transfer code. Whoever holds the code can take the offered administrations. Keep it \
secret: give it only to the receiving office's superusers, never in a link or in a public \
channel. The offering office can withdraw an offer as long as the move has not started.

4. Costs. The receiving office pays, for each administration moved completely, the amount \
shown before accepting. A move that is cancelled, withdrawn, given up or failed costs nothing.

5. Responsibility. The offering office declares that it may hand the administration over and \
that its client agrees. From completion on, the receiving office is responsible for the \
administration and its documents. Overdracht checks every file against its checksum and \
records every step; a failed move leaves the administration with the offering office as it \
was. Overdracht is not liable for indirect damage, and at most for the amount paid for the \
move concerned.

6. Record. Which version of these terms was accepted, by whom and when, is recorded with the \
offer and with each reception.
"""

TEXTS: dict[MailLanguage, str] = {MailLanguage.NL: _DUTCH, MailLanguage.EN: _ENGLISH}


def terms_text(language: MailLanguage) -> str:
    """The terms of the current version as a screen shows them before they are accepted."""
    return TEXTS[language]


def is_current(version: str) -> bool:
    """Whether a user accepted the terms as they stand now, not a version a screen kept."""
    return version.strip() == VERSION
