// The words of the offering side's screens (the offer wizard and an offer's page), Dutch and
// English side by side, as words.ts holds those of the rest. A phrase that takes values is a
// function in both languages, with the same parameters.
import type { Phrase } from "./language";

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const offerWords = {
  // -- the wizard's steps --------------------------------------------------------------------
  stepsLabel: { nl: "Stappen", en: "Steps" },
  stepOf: {
    nl: (step: number, steps: number) => `Stap ${step} van ${steps}:`,
    en: (step: number, steps: number) => `Step ${step} of ${steps}:`,
  },
  stepChecklist: { nl: "Checklist", en: "Checklist" },
  stepChoose: { nl: "Administraties kiezen", en: "Choose administrations" },
  stepSend: { nl: "Ontvangers en verzenden", en: "Recipients and send" },
  next: { nl: "Volgende", en: "Next" },
  back: { nl: "Vorige", en: "Back" },
  correctFirst: {
    nl: (n: number) =>
      n === 1
        ? "Verbeter eerst het punt dat bij het veld staat."
        : `Verbeter eerst de ${n} punten die bij de velden staan.`,
    en: (n: number) =>
      n === 1
        ? "First correct the point shown at its field."
        : `First correct the ${n} points shown at their fields.`,
  },

  // -- step 1: the checklist -----------------------------------------------------------------
  checklistIntro: {
    nl: "Lees de checklist goed door. Controleer deze vier zaken voordat u doorgaat met de migratie:",
    en: "Read the checklist carefully. Check these four things before you go on with the migration:",
  },
  checkUsersStay: {
    nl: "Autorisatoren worden, net als de andere gebruikers, niet overgezet naar de nieuwe omgeving.",
    en: "Authorizers, like the other users, are not moved to the new environment.",
  },
  acknowledgeLabel: {
    nl: "Ik begrijp dat gebruikers, autorisatoren, autorisatieflows en workflows niet worden overgezet.",
    en: "I understand that users, authorizers, authorization flows and workflows do not move.",
  },
  checkAuthorizers: {
    nl: "Controleer of er geen autorisator(en) in een autorisatieflow aanwezig zijn.",
    en: "Check that there are no authorizers in an authorization flow.",
  },
  checkWorkflows: { nl: "Verwijder actieve workflows.", en: "Remove active workflows." },
  checkDocuments: {
    nl: "Zorg ervoor dat alle documenten goedgekeurd of afgekeurd zijn.",
    en: "Make sure every document has been approved or rejected.",
  },
  checking: { nl: "Bezig met controleren…", en: "Checking…" },
  checkPassed: {
    nl: "In orde: dit houdt geen enkele administratie tegen.",
    en: "In order: this holds back no administration.",
  },
  blockedCount: {
    nl: (n: number) => `${count(n, "administratie", "administraties")} nog niet in orde:`,
    en: (n: number) => `${count(n, "administration", "administrations")} not yet in order:`,
  },
  otherBlocksTitle: {
    nl: "Ook nu niet aan te bieden",
    en: "Also not to be offered now",
  },
  blockedByAuthorizers: {
    nl: (n: number) => `${count(n, "autorisator", "autorisatoren")} in de autorisatieflow`,
    en: (n: number) => `${count(n, "authorizer", "authorizers")} in the authorization flow`,
  },
  blockedByWorkflows: {
    nl: (n: number) => count(n, "actieve workflow", "actieve workflows"),
    en: (n: number) => count(n, "active workflow", "active workflows"),
  },
  blockedByPendingDocuments: {
    nl: (n: number) => `${count(n, "document", "documenten")} nog niet goedgekeurd of afgekeurd`,
    en: (n: number) => `${count(n, "document", "documents")} not yet approved or rejected`,
  },
  blockedByDamagedFiles: {
    nl: (n: number) =>
      n === 1
        ? "1 bestand ontbreekt of is beschadigd"
        : `${n} bestanden ontbreken of zijn beschadigd`,
    en: (n: number) => `${count(n, "file", "files")} missing or damaged`,
  },
  blockedByOpenOffer: {
    nl: "staat al in een openstaand aanbod",
    en: "is already in an open offer",
  },
  blockedByPackage: {
    nl: "dit boekhoudpakket kan niet gemigreerd worden",
    en: "this accounting package cannot be migrated",
  },

  // -- step 2: connection and administrations -------------------------------------------------
  connectionLegend: { nl: "Boekhoudsysteemkoppeling", en: "Accounting connection" },
  connectionHint: {
    nl: "Selecteer eerst in welke boekhoudsysteemkoppeling de administraties zich bevinden.",
    en: "First select the accounting connection the administrations are under.",
  },
  noConnections: {
    nl: "Uw omgeving heeft geen boekhoudsysteemkoppelingen.",
    en: "Your environment has no accounting connections.",
  },
  administrationsLegend: { nl: "Administraties", en: "Administrations" },
  administrationsHint: {
    nl: "U kunt meerdere administraties tegelijk verplaatsen, maar alleen naar dezelfde omgeving.",
    en: "You can move several administrations at once, but only to the same environment.",
  },
  noAdministrations: {
    nl: "Onder deze koppeling staan geen administraties.",
    en: "There are no administrations under this connection.",
  },
  chooseAtLeastOne: {
    nl: "Kies ten minste één administratie.",
    en: "Choose at least one administration.",
  },
  documentCount: {
    nl: (n: number) => count(n, "document", "documenten"),
    en: (n: number) => count(n, "document", "documents"),
  },

  // -- step 3: recipients, language, terms -----------------------------------------------------
  chosenTitle: {
    nl: (n: number) => `U verplaatst ${count(n, "administratie", "administraties")}`,
    en: (n: number) => `You are moving ${count(n, "administration", "administrations")}`,
  },
  recipientsLegend: { nl: "Ontvangers", en: "Recipients" },
  recipientsHint: {
    nl: "Vul achter uw eigen e-mailadres het e-mailadres in van (een van) de supergebruikers van de nieuwe omgeving. Zij krijgen een e-mail met de overdrachtscode; u krijgt een kopie.",
    en: "After your own e-mail address, enter the address of (one of) the superusers of the new environment. They get an e-mail with the transfer code; you get a copy.",
  },
  ownAddressNote: { nl: "(uw adres, in kopie)", en: "(your address, in copy)" },
  requesterNote: { nl: "(aanvrager, in kopie)", en: "(requester, in copy)" },
  recipientLabel: {
    nl: (n: number) => `Ontvanger ${n}`,
    en: (n: number) => `Recipient ${n}`,
  },
  removeRecipient: { nl: "Verwijderen", en: "Remove" },
  removeRecipientLabel: {
    nl: (n: number) => `Ontvanger ${n} verwijderen`,
    en: (n: number) => `Remove recipient ${n}`,
  },
  addRecipient: { nl: "Nog een ontvanger", en: "Another recipient" },
  recipientUnchecked: {
    nl: "Wordt gecontroleerd…",
    en: "Being checked…",
  },
  recipientAccepted: {
    nl: "Gecontroleerd: een supergebruiker van de ontvangende omgeving.",
    en: "Checked: a superuser of the receiving environment.",
  },
  languageLegend: { nl: "Taal van de e-mail", en: "Language of the e-mail" },
  termsLegend: { nl: "Algemene voorwaarden", en: "Terms and conditions" },
  acceptTermsLabel: {
    nl: "Ik ga akkoord met de algemene voorwaarden.",
    en: "I accept the terms and conditions.",
  },
  send: { nl: "Verzenden", en: "Send" },
  sending: { nl: "Bezig met verzenden…", en: "Sending…" },
  offerSent: {
    nl: "Het aanbod is verstuurd. De ontvangers krijgen een e-mail met de overdrachtscode, u een kopie.",
    en: "The offer has been sent. The recipients get an e-mail with the transfer code, you a copy.",
  },
  retryFrom: {
    nl: (when: string) => `Probeer het opnieuw vanaf ${when}.`,
    en: (when: string) => `Try again from ${when}.`,
  },

  // -- an offer's page ---------------------------------------------------------------------------
  offerPageTitle: { nl: "Migratie-aanbod", en: "Migration offer" },
  offerFacts: { nl: "Gegevens van het aanbod", en: "The offer's details" },
  offeredBy: { nl: "Aangeboden door", en: "Offered by" },
  notLive: {
    nl: "Live bijwerken lukt nu niet; laad de pagina opnieuw voor de laatste stand.",
    en: "Live updates are not working just now; reload the page for the latest state.",
  },
  administrationsTitle: {
    nl: (n: number) => `Administraties (${n})`,
    en: (n: number) => `Administrations (${n})`,
  },
  administrationsCaption: {
    nl: "De administraties van dit aanbod",
    en: "The administrations of this offer",
  },
  columnProgress: { nl: "Voortgang", en: "Progress" },
  columnAbout: { nl: "Toelichting", en: "Details" },
  since: { nl: "sinds", en: "since" },
  notStarted: { nl: "nog niet gestart", en: "not started" },
  rejectedBecause: { nl: "Reden van de ontvanger:", en: "The receiver's reason:" },
  serverSays: { nl: "Toelichting:", en: "Details:" },
  receiptDocuments: { nl: "Overgezet", en: "Moved" },
  receiptChecked: { nl: "Gecontroleerd", en: "Checked" },
  receiptCompleted: { nl: "Voltooid op", en: "Completed on" },
  checksumsVerified: { nl: "controlegetallen kloppen", en: "checksums match" },
  retry: { nl: "Opnieuw proberen", en: "Retry" },
  retryLabel: {
    nl: (name: string) => `Migratie van ${name} opnieuw proberen`,
    en: (name: string) => `Retry the move of ${name}`,
  },
  withdrawOffer: { nl: "Hele aanbod intrekken", en: "Withdraw the whole offer" },
  withdrawOfferTitle: { nl: "Aanbod intrekken", en: "Withdraw offer" },
  withdrawOfferQuestion: {
    nl: "Wilt u het hele aanbod intrekken? De overdrachtscode werkt dan niet meer voor de administraties die nog worden aangeboden (of waarvan de migratie mislukte), en de ontvangers krijgen hierover een e-mail.",
    en: "Do you want to withdraw the whole offer? The transfer code then no longer works for the administrations still offered (or whose move failed), and the recipients are told by e-mail.",
  },
  withdrawOfferConfirm: { nl: "Ja, alles intrekken", en: "Yes, withdraw all" },
  offerWithdrawn: { nl: "Het aanbod is ingetrokken.", en: "The offer has been withdrawn." },
  extend: { nl: "Verloopdatum verlengen", en: "Extend the expiry" },
  newExpiry: { nl: "Nieuwe verloopdatum", en: "New expiry date" },
  newExpiryHint: {
    nl: (now: string) =>
      `Nu verloopt het aanbod op ${now}. Het blijft geldig tot hetzelfde tijdstip op de nieuwe datum.`,
    en: (now: string) =>
      `The offer now expires on ${now}. It stays valid until the same time on the new date.`,
  },
  extendConfirm: { nl: "Verlengen", en: "Extend" },
  extendInvalid: {
    nl: "Kies een datum na de huidige verloopdatum en niet verder vooruit dan een nieuw aanbod geldig zou zijn.",
    en: "Choose a date after the current expiry and no further ahead than a new offer would be valid.",
  },
  extended: {
    nl: (until: string) =>
      `De verloopdatum is verlengd tot ${until}. De ontvangers krijgen de nieuwe datum per e-mail.`,
    en: (until: string) =>
      `The expiry has been extended to ${until}. The recipients get the new date by e-mail.`,
  },
  recipientsTitle: { nl: "Ontvangers", en: "Recipients" },
  requesterInCopy: {
    nl: (name: string, email: string) => `Aanvrager (in kopie van elke e-mail): ${name} <${email}>`,
    en: (name: string, email: string) => `Requester (in copy of every e-mail): ${name} <${email}>`,
  },
  requesterInCopyHidden: {
    nl: (name: string) => `Aanvrager (in kopie van elke e-mail): ${name}`,
    en: (name: string) => `Requester (in copy of every e-mail): ${name}`,
  },
  deliveriesCaption: {
    nl: "Per ontvanger: kwam de e-mail met de overdrachtscode aan?",
    en: "Per recipient: did the e-mail with the transfer code arrive?",
  },
  columnRecipient: { nl: "Ontvanger", en: "Recipient" },
  columnDelivery: { nl: "E-mail", en: "E-mail" },
  columnServerAnswer: { nl: "Antwoord van de mailserver", en: "The mail server's answer" },
  columnTried: { nl: "Laatst geprobeerd", en: "Last tried" },
  nextAttempt: {
    nl: (when: string) => `volgende poging ${when}`,
    en: (when: string) => `next attempt ${when}`,
  },
  noDeliveries: { nl: "Nog geen e-mail verstuurd.", en: "No e-mail sent yet." },
  changeRecipients: { nl: "Ontvangers wijzigen", en: "Change recipients" },
  changeRecipientsHint: {
    nl: "Alleen supergebruikers van de omgeving waarvoor het aanbod is. Alleen nieuwe ontvangers krijgen de e-mail.",
    en: "Only superusers of the environment the offer is for. Only new recipients get the e-mail.",
  },
  saveRecipients: { nl: "Ontvangers opslaan", en: "Save recipients" },
  recipientsChanged: {
    nl: "De ontvangers zijn gewijzigd; de nieuwe ontvangers krijgen de e-mail met de overdrachtscode.",
    en: "The recipients have been changed; the new recipients get the e-mail with the transfer code.",
  },
  resend: { nl: "Opnieuw versturen", en: "Send again" },
  resentTo: {
    nl: (to: string) => `De e-mail met de overdrachtscode is opnieuw verstuurd aan ${to}.`,
    en: (to: string) => `The e-mail with the transfer code has been sent again to ${to}.`,
  },
  resendSkipped: {
    nl: (skipped: string) =>
      `Niet aan ${skipped}: geen actieve supergebruiker meer van de ontvangende omgeving.`,
    en: (skipped: string) =>
      `Not to ${skipped}: no longer an active superuser of the receiving environment.`,
  },
  auditTitle: { nl: "Verloop", en: "History" },
  columnWhen: { nl: "Wanneer", en: "When" },
  columnWhat: { nl: "Wat", en: "What" },
  columnWho: { nl: "Wie", en: "Who" },
  stepsCounted: {
    nl: (n: number) => count(n, "stap", "stappen"),
    en: (n: number) => count(n, "step", "steps"),
  },
} as const satisfies Record<string, Phrase<string | ((...values: never[]) => string)>>;
