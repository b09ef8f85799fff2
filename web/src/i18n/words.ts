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
