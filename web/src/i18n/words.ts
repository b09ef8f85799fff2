// Every word the screens say besides the enums' labels, Dutch and English side by side.
// A phrase that takes values is a function in both languages, with the same parameters.
import type { Phrase } from "./language";

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const words = {
  product: { nl: "Overdracht", en: "Overdracht" },
  skipToContent: { nl: "Naar de inhoud", en: "Skip to content" },
  switchLanguage: { nl: "English", en: "Nederlands" },
  switchLanguageLabel: { nl: "Switch to English", en: "Schakel over naar Nederlands" },
  signOut: { nl: "Uitloggen", en: "Sign out" },
  signedInAs: {
    nl: (name: string, role: string) => `${name}, ${role.toLowerCase()}`,
    en: (name: string, role: string) => `${name}, ${role.toLowerCase()}`,
  },
  officeOf: {
    nl: (name: string, code: string) => `${name} (${code})`,
    en: (name: string, code: string) => `${name} (${code})`,
  },
  readOnlyToken: { nl: "token: alleen lezen", en: "token: read only" },
  loading: { nl: "Bezig met laden…", en: "Loading…" },

  // -- sign in ------------------------------------------------------------------------------
  signInTitle: { nl: "Inloggen", en: "Sign in" },
  signInIntro: {
    nl: "Log in met uw persoonlijke API-token. U maakt er een aan als supergebruiker, of vraagt het uw beheerder.",
    en: "Sign in with your personal API token. Superusers create one themselves; others ask their administrator.",
  },
  tokenLabel: { nl: "Persoonlijk API-token", en: "Personal API token" },
  tokenHint: {
    nl: "Het token blijft alleen in dit browservenster bewaard, tot u uitlogt of het venster sluit.",
    en: "The token is kept in this browser window only, until you sign out or close it.",
  },
  signInButton: { nl: "Inloggen", en: "Sign in" },
  tokenRequired: { nl: "Vul uw token in.", en: "Enter your token." },
  tokenRefused: {
    nl: "Uw token wordt niet (meer) geaccepteerd: het is onbekend, ingetrokken of verlopen. Log opnieuw in.",
    en: "Your token is not (or no longer) accepted: it is unknown, revoked or expired. Please sign in again.",
  },
  signedOut: { nl: "U bent uitgelogd.", en: "You have signed out." },
  demoTitle: { nl: "Demo-gebruikers", en: "Demo users" },
  demoIntro: {
    nl: "Deze server bevat alleen de demowereld. Log in als een van haar gebruikers:",
    en: "This server holds only the demo world. Sign in as one of its users:",
  },

  // -- layout -----------------------------------------------------------------------------------
  breadcrumb: { nl: "Kruimelpad", en: "Breadcrumb" },
  settings: { nl: "Instellingen", en: "Settings" },
  administrations: { nl: "Administraties", en: "Administrations" },
  migrationTabs: { nl: "Migratie", en: "Migration" },
  overviewTab: { nl: "Migratie overzicht", en: "Migration overview" },
  actionsTab: { nl: "Migratie acties", en: "Migration actions" },
  notFoundTitle: { nl: "Pagina niet gevonden", en: "Page not found" },
  notFoundText: {
    nl: "Deze pagina bestaat niet. Ga naar het migratie overzicht.",
    en: "This page does not exist. Go to the migration overview.",
  },

  // -- overview --------------------------------------------------------------------------------
  overviewTitle: { nl: "Migratie overzicht", en: "Migration overview" },
  startTitle: { nl: "Start een nieuwe migratie", en: "Start a new migration" },
  startText: {
    nl: "Verplaats administraties naar een andere omgeving, of haal ze op met een overdrachtscode.",
    en: "Move administrations to another environment, or fetch them with a transfer code.",
  },
  startButton: { nl: "Start een nieuwe migratie", en: "Start a new migration" },
  offeredTitle: {
    nl: "Administraties die ter migratie zijn aangeboden",
    en: "Administrations offered for migration",
  },
  receivableTitle: {
    nl: "Administraties die klaar staan om gemigreerd te worden",
    en: "Administrations ready to be migrated to you",
  },
  searchOffered: { nl: "Zoeken in aangeboden administraties", en: "Search offered administrations" },
  searchReceivable: {
    nl: "Zoeken in te ontvangen administraties",
    en: "Search administrations to receive",
  },
  searchOfferedHint: {
    nl: "Op naam, code, e-mailadres, overdrachtscode, ontvanger, datum of status",
    en: "By name, code, e-mail address, transfer code, recipient, date or status",
  },
  searchReceivableHint: {
    nl: "Op naam, code, boekhoudpakket, kantoor, datum of status",
    en: "By name, code, accounting package, office, date or status",
  },
  statusFilter: { nl: "Status", en: "Status" },
  allStatuses: { nl: "Alle", en: "All" },
  columnOfferedAt: { nl: "Aangeboden op", en: "Offered on" },
  columnAdministration: { nl: "Administratie", en: "Administration" },
  columnInbound: { nl: "E-mailadres administratie", en: "Administration's e-mail address" },
  columnExpiresAt: { nl: "Verloopt op", en: "Expires on" },
  columnCode: { nl: "Overdrachtscode", en: "Transfer code" },
  columnRecipients: { nl: "Ontvangers", en: "Recipients" },
  chosenCodeHere: {
    nl: (code: string) => `Bij u: ${code}`,
    en: (code: string) => `Here: ${code}`,
  },
  columnTarget: { nl: "Ontvangend kantoor", en: "Receiving office" },
  columnStatus: { nl: "Status", en: "Status" },
  columnActions: { nl: "Acties", en: "Actions" },
  columnPackage: { nl: "Boekhoudpakket", en: "Accounting package" },
  columnSource: { nl: "Van kantoor", en: "From office" },
  sortBy: {
    nl: (column: string) => `Sorteer op ${column.toLowerCase()}`,
    en: (column: string) => `Sort by ${column.toLowerCase()}`,
  },
  hidden: { nl: "niet zichtbaar met dit token", en: "not shown with this token" },
  noRows: { nl: "Geen administraties gevonden.", en: "No administrations found." },
  rowsFound: {
    nl: (n: number) => count(n, "administratie", "administraties"),
    en: (n: number) => count(n, "administration", "administrations"),
  },
  pager: { nl: "Pagina's", en: "Pages" },
  previousPage: { nl: "Vorige", en: "Previous" },
  nextPage: { nl: "Volgende", en: "Next" },
  pageOf: {
    nl: (page: number, pages: number) => `Pagina ${page} van ${pages}`,
    en: (page: number, pages: number) => `Page ${page} of ${pages}`,
  },

  // -- withdraw --------------------------------------------------------------------------------
  withdraw: { nl: "Intrekken", en: "Withdraw" },
  withdrawLabel: {
    nl: (name: string) => `${name} intrekken`,
    en: (name: string) => `Withdraw ${name}`,
  },
  withdrawTitle: { nl: "Migratie intrekken", en: "Withdraw migration" },
  withdrawQuestion: {
    nl: (name: string) =>
      `Wilt u het aanbod van ${name} intrekken? De overdrachtscode werkt dan niet meer voor deze administratie en de ontvangers krijgen hierover een e-mail.`,
    en: (name: string) =>
      `Do you want to withdraw the offer of ${name}? The transfer code then no longer works for this administration, and the recipients are told by e-mail.`,
  },
  withdrawConfirm: { nl: "Ja, intrekken", en: "Yes, withdraw" },
  cancel: { nl: "Annuleren", en: "Cancel" },
  withdrawn: {
    nl: (name: string) => `Het aanbod van ${name} is ingetrokken.`,
    en: (name: string) => `The offer of ${name} has been withdrawn.`,
  },

  // -- receive: the wizard ---------------------------------------------------------------------
  receiveSteps: { nl: "Stappen", en: "Steps" },
  stepCode: { nl: "Overdrachtscode", en: "Transfer code" },
  stepChoose: { nl: "Kiezen en akkoord geven", en: "Choose and accept" },
  stepDone: { nl: "Verstuurd", en: "Sent" },
  stepOf: {
    nl: (step: number, steps: number) => `Stap ${step} van ${steps}`,
    en: (step: number, steps: number) => `Step ${step} of ${steps}`,
  },
  receiveIntro: {
    nl: "Een andere omgeving bood u administraties aan. Voer de overdrachtscode uit de e-mail in om te zien wat er wordt aangeboden.",
    en: "Another environment offered you administrations. Enter the transfer code from the e-mail to see what is offered.",
  },
  codeLabel: { nl: "Overdrachtscode", en: "Transfer code" },
  codeHint: {
    nl: "Staat in de e-mail met het aanbod. Hoofdletters, spaties en streepjes maken niet uit.",
    en: "It is in the e-mail with the offer. Capitals, spaces and dashes do not matter.",
  },
  codeRequired: { nl: "Vul de overdrachtscode in.", en: "Enter the transfer code." },
  previewButton: { nl: "Bekijk het aanbod", en: "View the offer" },
  checkingCode: { nl: "De code wordt gecontroleerd…", en: "Checking the code…" },
  codeInvalid: {
    nl: "Deze overdrachtscode kennen we niet voor uw kantoor. Controleer de code in de e-mail: elke onjuiste code telt als mislukte poging.",
    en: "This transfer code is not known for your office. Check the code in the e-mail: every wrong code counts as a failed attempt.",
  },
  codeExpired: {
    nl: "Deze code klopt, maar het aanbod is verlopen. Vraag de aanbieder om het te verlengen of opnieuw aan te bieden.",
    en: "This code is right, but the offer has expired. Ask the sender to extend it or to offer again.",
  },
  codeWithdrawn: {
    nl: "Deze code klopt, maar de aanbieder heeft het aanbod ingetrokken.",
    en: "This code is right, but the sender has withdrawn the offer.",
  },
  codeRejected: {
    nl: "Deze code klopt, maar uw kantoor heeft dit aanbod al afgewezen.",
    en: "This code is right, but your office has already rejected this offer.",
  },
  codeAlreadyReceived: {
    nl: "Deze code klopt, maar uw kantoor heeft dit aanbod al ontvangen. Volg de migratie in het migratie overzicht.",
    en: "This code is right, but your office has already received this offer. Follow the move in the migration overview.",
  },
  codeTooManyAttempts: {
    nl: (until: string) =>
      `Er zijn te veel onjuiste codes ingevoerd. U kunt het opnieuw proberen vanaf ${until}.`,
    en: (until: string) => `Too many wrong codes were entered. You can try again from ${until}.`,
  },
  codeNotPremium: {
    nl: "Uw omgeving is niet Premium, en alleen een Premium omgeving kan administraties ontvangen. Neem contact met ons op om over te stappen.",
    en: "Your environment is not Premium, and only a Premium environment can receive administrations. Contact us to upgrade.",
  },
  codeOwnOffer: {
    nl: "Dit aanbod komt van uw eigen omgeving: het is bedoeld voor de ontvanger.",
    en: "This offer comes from your own environment: it is meant for the recipient.",
  },
  otherCode: { nl: "Een andere code invoeren", en: "Enter another code" },
  offerFrom: {
    nl: (office: string) => `Aanbod van ${office}`,
    en: (office: string) => `Offer from ${office}`,
  },
  fromOffice: { nl: "Van kantoor", en: "From office" },
  offeredBy: { nl: "Aangeboden door", en: "Offered by" },
  offeredOn: { nl: "Aangeboden op", en: "Offered on" },
  expiresOn: { nl: "Verloopt op", en: "Expires on" },
  packageLabel: { nl: "Boekhoudpakket", en: "Accounting package" },
  pricePerAdministrationLabel: { nl: "Prijs per administratie", en: "Price per administration" },
  offeredAdministrations: { nl: "Aangeboden administraties", en: "Administrations offered" },
  chooseIntro: {
    nl: "Kies per administratie of u haar ontvangt of afwijst. Wat u nu niet kiest, blijft aangeboden tot het verloopt.",
    en: "Choose for each administration whether you receive or reject it. What you leave now stays offered until it expires.",
  },
  documentCount: {
    nl: (n: number) => count(n, "document", "documenten"),
    en: (n: number) => count(n, "document", "documents"),
  },
  canReceive: { nl: "Kan worden ontvangen.", en: "Can be received." },
  whyDuplicate: {
    nl: (code: string, name: string) =>
      `Uw omgeving heeft al een administratie ${code} ${name}. Verwijder die eerst; een andere code kiezen helpt niet.`,
    en: (code: string, name: string) =>
      `Your environment already has an administration ${code} ${name}. Remove that one first; choosing another code does not help.`,
  },
  whyCodeInUse: {
    nl: (code: string) =>
      `Code ${code} is in uw omgeving al in gebruik. Kies hieronder een andere administratiecode.`,
    en: (code: string) =>
      `Code ${code} is already in use in your environment. Choose another administration code below.`,
  },
  whyNoConnection: {
    nl: (packageName: string) =>
      `Uw omgeving heeft geen koppeling met ${packageName}. Voeg er een toe om deze administratie te ontvangen.`,
    en: (packageName: string) =>
      `Your environment has no connection to ${packageName}. Add one to receive this administration.`,
  },
  whyNotOffered: {
    nl: (status: string) => `Wordt niet meer aangeboden (${status.toLowerCase()}).`,
    en: (status: string) => `No longer offered (${status.toLowerCase()}).`,
  },
  choiceReceive: { nl: "Ontvangen", en: "Receive" },
  choiceReject: { nl: "Afwijzen", en: "Reject" },
  choiceLater: { nl: "Nu niets doen", en: "Do nothing now" },
  connectionLabel: { nl: "In koppeling", en: "Into connection" },
  newCodeLabel: { nl: "Administratiecode bij u (optioneel)", en: "Administration code with you (optional)" },
  newCodeHint: {
    nl: (code: string) =>
      `Laat leeg om ${code} te houden. 1 tot 32 letters, cijfers, punten, streepjes of lage streepjes.`,
    en: (code: string) =>
      `Leave empty to keep ${code}. 1 to 32 letters, digits, dots, dashes or underscores.`,
  },
  reasonLabel: { nl: "Reden van afwijzen (optioneel)", en: "Reason for rejecting (optional)" },
  reasonHint: {
    nl: "De aanbieder krijgt deze reden per e-mail.",
    en: "The sender gets this reason by e-mail.",
  },
  sentReceived: { nl: "Ontvangen: staat in de wachtrij.", en: "Received: queued." },
  sentRejected: { nl: "Afgewezen.", en: "Rejected." },
  costsTitle: { nl: "Kosten", en: "Costs" },
  pricePerAdministration: {
    nl: (price: string) =>
      `${price} per ontvangen administratie, in rekening gebracht bij uw omgeving zodra haar migratie voltooid is. Een geannuleerde, ingetrokken of opgegeven migratie kost niets.`,
    en: (price: string) =>
      `${price} per administration received, charged to your environment once its move has completed. A cancelled, withdrawn or given-up move costs nothing.`,
  },
  costsTotal: {
    nl: (n: number, total: string) =>
      `U ontvangt ${count(n, "administratie", "administraties")}: in totaal ${total}.`,
    en: (n: number, total: string) =>
      `You receive ${count(n, "administration", "administrations")}: ${total} in total.`,
  },
  termsTitle: { nl: "Algemene voorwaarden", en: "Terms and conditions" },
  termsVersion: {
    nl: (version: string) => `Versie ${version}`,
    en: (version: string) => `Version ${version}`,
  },
  acceptTerms: {
    nl: "Ik ga akkoord met de algemene voorwaarden",
    en: "I accept the terms and conditions",
  },
  acceptCosts: {
    nl: (total: string) => `Ik ga akkoord met de migratiekosten van in totaal ${total}`,
    en: (total: string) => `I accept the migration costs of ${total} in total`,
  },
  sendChoices: { nl: "Versturen", en: "Send" },
  sending: { nl: "Bezig met versturen…", en: "Sending…" },
  nothingChosen: {
    nl: "Kies bij minstens één administratie Ontvangen of Afwijzen.",
    en: "Choose Receive or Reject for at least one administration.",
  },
  notSent: {
    nl: "Niet alles is verstuurd. Bekijk de meldingen hieronder.",
    en: "Not everything was sent. See the messages below.",
  },
  administrationCodeInvalid: {
    nl: "Een administratiecode is 1 tot 32 letters, cijfers, punten, streepjes of lage streepjes.",
    en: "An administration code is 1 to 32 letters, digits, dots, dashes or underscores.",
  },
  administrationCodeTwice: {
    nl: "Deze code is ook voor een andere administratie gekozen; elke administratie heeft een eigen code nodig.",
    en: "This code is chosen for another administration too; each administration needs its own.",
  },
  chooseOwnConnection: {
    nl: "Kies een van de koppelingen van uw eigen omgeving.",
    en: "Choose one of your own environment's connections.",
  },
  reasonTooLong: {
    nl: "Deze reden is te lang. Houd het korter.",
    en: "This reason is too long. Keep it shorter.",
  },
  doneTitle: { nl: "Verstuurd", en: "Sent" },
  doneReceived: {
    nl: (names: string) => `In de wachtrij om te worden ontvangen: ${names}.`,
    en: (names: string) => `Queued to be received: ${names}.`,
  },
  doneRejected: {
    nl: (names: string) => `Afgewezen: ${names}. De aanbieder krijgt hierover een e-mail.`,
    en: (names: string) => `Rejected: ${names}. The sender is told by e-mail.`,
  },
  followMove: { nl: "Volg de migratie", en: "Follow the move" },

  // -- receive: the offer as the receiver sees it ----------------------------------------------
  receivedIntro: {
    nl: "De status per administratie. Deze pagina werkt zichzelf bij terwijl de migratie loopt.",
    en: "The status of each administration. This page updates itself while the move runs.",
  },
  liveUpdatesStopped: {
    nl: "Live bijwerken lukt niet: laad de pagina opnieuw om de laatste stand te zien.",
    en: "Live updates stopped: reload the page to see the latest state.",
  },
  progressOf: {
    nl: (name: string) => `Voortgang van ${name}`,
    en: (name: string) => `Progress of ${name}`,
  },
  documentsDone: {
    nl: (done: number, total: number) => `${done} van ${count(total, "document", "documenten")}`,
    en: (done: number, total: number) => `${done} of ${count(total, "document", "documents")}`,
  },
  timeLeft: {
    nl: (minutes: number) => {
      if (minutes < 1) return "nog minder dan een minuut";
      if (minutes < 90) return `nog ongeveer ${count(Math.round(minutes), "minuut", "minuten")}`;
      return `nog ongeveer ${Math.round(minutes / 60)} uur`;
    },
    en: (minutes: number) => {
      if (minutes < 1) return "less than a minute left";
      if (minutes < 90) return `about ${count(Math.round(minutes), "minute", "minutes")} left`;
      return `about ${count(Math.round(minutes / 60), "hour", "hours")} left`;
    },
  },
  documentsPerSecond: {
    nl: (rate: string) => `${rate} documenten per seconde`,
    en: (rate: string) => `${rate} documents per second`,
  },
  queuedText: {
    nl: "Staat in de wachtrij; de migratie begint zodra er plaats is.",
    en: "Queued; the move starts as soon as there is room.",
  },
  queuedUntilText: {
    nl: (moment: string) => `Staat in de wachtrij; de migratie begint niet vóór ${moment}.`,
    en: (moment: string) => `Queued; the move does not start before ${moment}.`,
  },
  notBefore: { nl: "niet vóór", en: "not before" },
  notBeforeLabel: { nl: "Niet verhuizen vóór (optioneel)", en: "Do not move before (optional)" },
  notBeforeHint: {
    nl: (timeZone: string) =>
      `Datum en tijd in de tijdzone van uw kantoor (${timeZone}), bijvoorbeeld na het afsluiten van een periode. Leeg: de migratie begint zodra er plaats is.`,
    en: (timeZone: string) =>
      `Date and time in your office's time zone (${timeZone}), for example after a period closes. Empty: the move starts as soon as there is room.`,
  },
  notBeforeIncomplete: {
    nl: "Vul een volledige datum en tijd in, of maak het veld leeg.",
    en: "Enter a whole date and time, or empty the field.",
  },
  rescheduleMove: { nl: "Verhuismoment wijzigen", en: "Change the moving moment" },
  rescheduleMoveLabel: {
    nl: (name: string) => `Verhuismoment wijzigen: ${name}`,
    en: (name: string) => `Change the moving moment: ${name}`,
  },
  rescheduleSave: { nl: "Moment opslaan", en: "Save the moment" },
  rescheduleClear: { nl: "Moment wissen", en: "Clear the moment" },
  rescheduleKeep: { nl: "Niet wijzigen", en: "Leave it" },
  movedRescheduled: {
    nl: (name: string, moment: string) => `De migratie van ${name} begint niet vóór ${moment}.`,
    en: (name: string, moment: string) => `The move of ${name} does not start before ${moment}.`,
  },
  movedUnscheduled: {
    nl: (name: string) => `De migratie van ${name} begint zodra er plaats is.`,
    en: (name: string) => `The move of ${name} starts as soon as there is room.`,
  },
  stillOfferedText: {
    nl: "Nog niet ontvangen of afgewezen. Voer de overdrachtscode in om te kiezen.",
    en: "Not received or rejected yet. Enter the transfer code to choose.",
  },
  enterCode: { nl: "Overdrachtscode invoeren", en: "Enter the transfer code" },
  failedBecause: {
    nl: (why: string) => `De migratie is mislukt: ${why.charAt(0).toLowerCase()}${why.slice(1)}.`,
    en: (why: string) => `The move failed: ${why.charAt(0).toLowerCase()}${why.slice(1)}.`,
  },
  serverSays: { nl: "Melding van de server:", en: "The server says:" },
  failedUntouched: {
    nl: "De administratie staat nog ongewijzigd bij de aanbieder. Probeer het opnieuw, of geef de migratie op.",
    en: "The administration is still unchanged with the sender. Try again, or give the move up.",
  },
  rejectedWithReason: { nl: "Reden:", en: "Reason:" },
  receiptTitle: { nl: "Bewijs van overdracht", en: "Receipt" },
  receiptDocuments: { nl: "Documenten overgezet", en: "Documents moved" },
  receiptSize: { nl: "Omvang", en: "Size" },
  receiptVerified: { nl: "Controle", en: "Check" },
  receiptCompletedAt: { nl: "Voltooid op", en: "Completed on" },
  receiptCode: { nl: "Administratiecode", en: "Administration code" },
  receiptInbound: { nl: "Nieuw e-mailadres van de administratie", en: "New e-mail address of the administration" },
  viewDocumentsOf: {
    nl: (name: string) => `Documenten van ${name} bekijken`,
    en: (name: string) => `View the documents of ${name}`,
  },
  cancelMove: { nl: "Migratie annuleren", en: "Cancel the move" },
  cancelMoveLabel: {
    nl: (name: string) => `Migratie annuleren: ${name}`,
    en: (name: string) => `Cancel the move: ${name}`,
  },
  cancelMoveQuestion: {
    nl: (name: string) =>
      `Wilt u de migratie van ${name} annuleren? De administratie wordt dan weer aangeboden (tenzij het aanbod inmiddels verlopen is), de aanbieder krijgt een e-mail en er worden geen kosten in rekening gebracht.`,
    en: (name: string) =>
      `Do you want to cancel the move of ${name}? The administration is then offered again (unless the offer has expired meanwhile), the sender is told by e-mail, and nothing is charged.`,
  },
  cancelMoveConfirm: { nl: "Ja, annuleren", en: "Yes, cancel it" },
  keepIt: { nl: "Nee, laten staan", en: "No, keep it" },
  retryMove: { nl: "Opnieuw proberen", en: "Try again" },
  retryMoveLabel: {
    nl: (name: string) => `Opnieuw proberen: ${name}`,
    en: (name: string) => `Try again: ${name}`,
  },
  giveUpMove: { nl: "Opgeven", en: "Give up" },
  giveUpMoveLabel: {
    nl: (name: string) => `Migratie opgeven: ${name}`,
    en: (name: string) => `Give up the move: ${name}`,
  },
  giveUpQuestion: {
    nl: (name: string) =>
      `Wilt u de migratie van ${name} opgeven? De administratie blijft bij de aanbieder, die hierover een e-mail krijgt, en er worden geen kosten in rekening gebracht.`,
    en: (name: string) =>
      `Do you want to give up the move of ${name}? The administration stays with the sender, who is told by e-mail, and nothing is charged.`,
  },
  giveUpConfirm: { nl: "Ja, opgeven", en: "Yes, give up" },
  movedCancelled: {
    nl: (name: string) => `De migratie van ${name} is geannuleerd.`,
    en: (name: string) => `The move of ${name} has been cancelled.`,
  },
  movedRetried: {
    nl: (name: string) => `De migratie van ${name} staat weer in de wachtrij.`,
    en: (name: string) => `The move of ${name} is queued again.`,
  },
  movedGivenUp: {
    nl: (name: string) => `De migratie van ${name} is opgegeven.`,
    en: (name: string) => `The move of ${name} has been given up.`,
  },
  viewCosts: { nl: "Bekijk de migratiekosten", en: "View the migration costs" },

  // -- documents of an administration ----------------------------------------------------------
  documentsTitle: {
    nl: (name: string) => `Documenten van ${name}`,
    en: (name: string) => `Documents of ${name}`,
  },
  documentsIntro: {
    nl: (address: string) => `Het archief van deze administratie. Haar e-mailadres: ${address}`,
    en: (address: string) => `This administration's archive. Its e-mail address: ${address}`,
  },
  documentStatusFilter: { nl: "Toon documenten met status", en: "Show documents with status" },
  allDocumentStatuses: { nl: "Alle statussen", en: "All statuses" },
  columnTitle: { nl: "Titel", en: "Title" },
  columnKind: { nl: "Soort", en: "Kind" },
  columnFile: { nl: "Bestand", en: "File" },
  columnSize: { nl: "Grootte", en: "Size" },
  columnCreatedAt: { nl: "Datum", en: "Date" },
  noDocuments: { nl: "Geen documenten gevonden.", en: "No documents found." },
  documentsFound: {
    nl: (n: number) => count(n, "document", "documenten"),
    en: (n: number) => count(n, "document", "documents"),
  },
  downloadLabel: {
    nl: (file: string) => `${file} downloaden`,
    en: (file: string) => `Download ${file}`,
  },
  notYours: {
    nl: "Deze administratie bestaat niet (meer), of is niet van uw kantoor.",
    en: "This administration does not exist (any more), or is not your office's.",
  },

  // -- billable lines --------------------------------------------------------------------------
  billingTitle: { nl: "Migratiekosten", en: "Migration costs" },
  billingIntro: {
    nl: "Wat uw omgeving in rekening gebracht krijgt: één regel per ontvangen administratie, vastgelegd toen haar migratie voltooid was.",
    en: "What your environment is charged: one line per administration received, recorded when its move completed.",
  },
  columnCompletedAt: { nl: "Voltooid op", en: "Completed on" },
  columnAmount: { nl: "Bedrag", en: "Amount" },
  columnAcceptedBy: { nl: "Akkoord gegeven door", en: "Accepted by" },
  noLines: { nl: "Nog geen migratiekosten.", en: "No migration costs yet." },
  linesFound: {
    nl: (n: number) => count(n, "regel", "regels"),
    en: (n: number) => count(n, "line", "lines"),
  },

  // -- migration actions -----------------------------------------------------------------------
  actionsTitle: { nl: "Migratie acties", en: "Migration actions" },
  actionsIntro: {
    nl: "Kies wat u wilt doen:",
    en: "Choose what you want to do:",
  },
  offerChoice: {
    nl: "Verplaats één of meerdere administratie(s) naar een andere omgeving",
    en: "Move one or more administrations to another environment",
  },
  receiveChoice: {
    nl: "Haal één of meerdere administratie(s) op uit een andere omgeving",
    en: "Fetch one or more administrations from another environment",
  },
  offerTitle: { nl: "Administraties verplaatsen", en: "Move administrations" },
  receiveTitle: { nl: "Administraties ophalen", en: "Fetch administrations" },
  comingSoon: {
    nl: "Dit scherm volgt. Tot die tijd kan het via de API, bijvoorbeeld in GraphiQL:",
    en: "This screen is on its way. Until then, use the API, for instance in GraphiQL:",
  },
  backToOverview: { nl: "Terug naar het migratie overzicht", en: "Back to the migration overview" },
} as const satisfies Record<string, Phrase<string | ((...values: never[]) => string)>>;
