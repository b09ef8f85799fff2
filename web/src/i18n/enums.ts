// A label in both languages for every value of every enum of the schema. The type comes from
// the generated src/gql/enums.ts, so a new enum or value in schema.graphql does not compile
// until it is labelled here. The status words are the words the overviews' search understands
// (STATUS_WORDS in api/resolvers/overview.py): what users read is what they can type.
import type * as SchemaEnums from "../gql/enums";
import type { Phrase } from "./language";

type Enums = typeof SchemaEnums;
type ValueOf<E> = Extract<E[keyof E], string>;
type EnumLabels = {
  readonly [Name in keyof Enums]: Readonly<Record<ValueOf<Enums[Name]>, Phrase>>;
};

export const labels: EnumLabels = {
  AccountingPackage: {
    EXACT_ONLINE: { nl: "Exact Online", en: "Exact Online" },
    TWINFIELD: { nl: "Twinfield", en: "Twinfield" },
    MULTIVERS: { nl: "Multivers", en: "Multivers" },
    XERO: { nl: "Xero", en: "Xero" },
    ACCOUNTVIEW: { nl: "AccountView", en: "AccountView" },
    SNELSTART: { nl: "SnelStart", en: "SnelStart" },
    AFAS: { nl: "AFAS", en: "AFAS" },
  },
  AuditAction: {
    OFFERED: { nl: "Aangeboden", en: "Offered" },
    CODE_ATTEMPT_FAILED: { nl: "Onjuiste code ingevoerd", en: "Wrong code entered" },
    WITHDRAWN: { nl: "Ingetrokken", en: "Withdrawn" },
    REJECTED: { nl: "Afgewezen", en: "Rejected" },
    RECEIVED: { nl: "Ontvangen", en: "Received" },
    STARTED: { nl: "Migratie gestart", en: "Move started" },
    COMPLETED: { nl: "Voltooid", en: "Completed" },
    FAILED: { nl: "Mislukt", en: "Failed" },
    EXPIRED: { nl: "Verlopen", en: "Expired" },
    CANCELLED: { nl: "Geannuleerd", en: "Cancelled" },
    RETRIED: { nl: "Opnieuw geprobeerd", en: "Retried" },
    GAVE_UP: { nl: "Opgegeven", en: "Given up" },
    RECIPIENTS_CHANGED: { nl: "Ontvangers gewijzigd", en: "Recipients changed" },
    OFFER_RESENT: { nl: "Aanbod opnieuw verstuurd", en: "Offer sent again" },
    EXPIRY_EXTENDED: { nl: "Verloopdatum verlengd", en: "Expiry extended" },
    RECIPIENT_REFUSED: { nl: "E-mail geweigerd", en: "Mail refused" },
    PREVIEWED: { nl: "Aanbod bekeken", en: "Offer viewed" },
    MOVE_RESCHEDULED: { nl: "Starttijd verplaatst", en: "Move rescheduled" },
  },
  DeliveryState: {
    DELIVERED: { nl: "Afgeleverd", en: "Delivered" },
    PENDING: { nl: "Wordt verstuurd", en: "Being sent" },
    REFUSED: { nl: "Geweigerd", en: "Refused" },
  },
  DocumentKind: {
    PURCHASE_INVOICE: { nl: "Inkoopfactuur", en: "Purchase invoice" },
    SALES_INVOICE: { nl: "Verkoopfactuur", en: "Sales invoice" },
    RECEIPT: { nl: "Bon", en: "Receipt" },
    BANK_STATEMENT: { nl: "Bankafschrift", en: "Bank statement" },
    OTHER: { nl: "Overig", en: "Other" },
  },
  DocumentStatus: {
    NEW: { nl: "Nieuw", en: "New" },
    TO_AUTHORIZE: { nl: "Te autoriseren", en: "To authorize" },
    APPROVED: { nl: "Goedgekeurd", en: "Approved" },
    REJECTED: { nl: "Afgekeurd", en: "Rejected" },
    BOOKED: { nl: "Geboekt", en: "Booked" },
  },
  FileProblem: {
    MISSING: { nl: "Bestand ontbreekt", en: "File missing" },
    UNREADABLE: { nl: "Bestand onleesbaar", en: "File unreadable" },
    DAMAGED: { nl: "Bestand beschadigd", en: "File damaged" },
  },
  MailLanguage: {
    NL: { nl: "Nederlands", en: "Dutch" },
    EN: { nl: "Engels", en: "English" },
  },
  MigrationAction: {
    WITHDRAW: { nl: "Intrekken", en: "Withdraw" },
    CANCEL: { nl: "Annuleren", en: "Cancel" },
    RETRY: { nl: "Opnieuw proberen", en: "Retry" },
    GIVE_UP: { nl: "Opgeven", en: "Give up" },
    CHANGE_RECIPIENTS: { nl: "Ontvangers wijzigen", en: "Change recipients" },
    RESEND: { nl: "Opnieuw versturen", en: "Send again" },
    EXTEND: { nl: "Verlengen", en: "Extend" },
    RECEIVE: { nl: "Ophalen", en: "Receive" },
    REJECT: { nl: "Afwijzen", en: "Reject" },
    RESCHEDULE: { nl: "Starttijd wijzigen", en: "Reschedule" },
  },
  MigrationStatus: {
    OFFERED: { nl: "Aangeboden", en: "Offered" },
    WITHDRAWN: { nl: "Ingetrokken", en: "Withdrawn" },
    EXPIRED: { nl: "Verlopen", en: "Expired" },
    REJECTED: { nl: "Afgewezen", en: "Rejected" },
    QUEUED: { nl: "In de wachtrij", en: "Queued" },
    RUNNING: { nl: "Bezig", en: "Running" },
    COMPLETED: { nl: "Voltooid", en: "Completed" },
    FAILED: { nl: "Mislukt", en: "Failed" },
  },
  MoveFailure: {
    FILE_DAMAGED: { nl: "Een bestand is beschadigd", en: "A file is damaged" },
    FILE_MISSING: { nl: "Een bestand ontbreekt", en: "A file is missing" },
    FILE_UNREADABLE: { nl: "Een bestand is onleesbaar", en: "A file cannot be read" },
    CHECKLIST_FAILED: {
      nl: "De administratie voldoet niet meer aan de checklist",
      en: "The administration no longer passes the checklist",
    },
    TARGET_NOT_PREMIUM: {
      nl: "De ontvangende omgeving is niet (meer) Premium",
      en: "The receiving environment is not (or no longer) Premium",
    },
    CONNECTION_GONE: {
      nl: "De gekozen boekhoudsysteemkoppeling bestaat niet meer",
      en: "The chosen accounting connection no longer exists",
    },
    DUPLICATE_IN_TARGET: {
      nl: "De ontvangende omgeving heeft al een administratie met deze code en naam",
      en: "The receiving environment already has an administration with this code and name",
    },
    CODE_IN_USE: {
      nl: "De administratiecode is in de ontvangende omgeving al in gebruik",
      en: "The administration code is already in use in the receiving environment",
    },
    ARCHIVE_CHANGED: {
      nl: "Het archief is tijdens de migratie gewijzigd",
      en: "The archive changed during the move",
    },
    SOURCE_CHANGED: {
      nl: "De administratie is tijdens de migratie gewijzigd",
      en: "The administration changed during the move",
    },
    STORAGE_UNAVAILABLE: {
      nl: "De opslag van de documenten was niet bereikbaar",
      en: "The document storage could not be reached",
    },
  },
  MoveVerification: {
    READ: { nl: "Elk bestand teruggelezen", en: "Every file read back" },
    LISTING: { nl: "Gecontroleerd in de opslaglijst", en: "Checked in the storage listing" },
  },
  OrderDirection: {
    ASC: { nl: "oplopend", en: "ascending" },
    DESC: { nl: "aflopend", en: "descending" },
  },
  OverviewOrderField: {
    OFFERED_AT: { nl: "Aangeboden op", en: "Offered on" },
    ADMINISTRATION_NAME: { nl: "Administratie", en: "Administration" },
    EXPIRES_AT: { nl: "Verloopt op", en: "Expires on" },
  },
  Plan: {
    TRIAL: { nl: "Proefversie", en: "Trial" },
    STANDARD: { nl: "Standaard", en: "Standard" },
    PREMIUM: { nl: "Premium", en: "Premium" },
  },
  Role: {
    SUPERUSER: { nl: "Supergebruiker", en: "Superuser" },
    USER: { nl: "Gebruiker", en: "User" },
    AUTHORIZER: { nl: "Autorisator", en: "Authorizer" },
    RESTRICTED_CLIENT: { nl: "Beperkt klantgebruiker", en: "Restricted client user" },
  },
  TokenScope: {
    FULL: { nl: "Volledig", en: "Full" },
    READ_ONLY: { nl: "Alleen lezen", en: "Read only" },
  },
  UserErrorCode: {
    FORBIDDEN: {
      nl: "Dit mag alleen een supergebruiker met een volledig token.",
      en: "Only a superuser with a full token may do this.",
    },
    NOT_FOUND: {
      nl: "Dit bestaat niet (meer), of is niet van uw kantoor.",
      en: "This does not exist (any more), or is not your office's.",
    },
    INVALID: { nl: "Deze waarde is niet geldig.", en: "This value is not valid." },
    REQUIRED: { nl: "Dit is verplicht.", en: "This is required." },
    TOO_MANY: { nl: "Dit zijn er te veel in één keer.", en: "These are too many at once." },
    DUPLICATE_IN_INPUT: { nl: "Dit staat er twee keer in.", en: "This is in there twice." },
    NOT_MIGRATABLE: {
      nl: "Dit boekhoudpakket kan niet gemigreerd worden.",
      en: "This accounting package cannot be migrated.",
    },
    MIXED_PACKAGES: {
      nl: "Eén migratie bevat administraties van één boekhoudpakket.",
      en: "One migration holds administrations of one accounting package.",
    },
    HAS_AUTHORIZERS: {
      nl: "Er staan autorisatoren in de autorisatieflow.",
      en: "There are authorizers in the authorization flow.",
    },
    HAS_ACTIVE_WORKFLOW: {
      nl: "Er is nog een actieve workflow.",
      en: "There is still an active workflow.",
    },
    HAS_PENDING_DOCUMENTS: {
      nl: "Niet alle documenten zijn goedgekeurd of afgekeurd.",
      en: "Not every document has been approved or rejected.",
    },
    HAS_DAMAGED_FILES: {
      nl: "Er zijn bestanden die ontbreken of beschadigd zijn.",
      en: "Some files are missing or damaged.",
    },
    ALREADY_OFFERED: {
      nl: "Deze administratie is al ter migratie aangeboden.",
      en: "This administration has already been offered.",
    },
    ACKNOWLEDGEMENT_REQUIRED: {
      nl: "Bevestig dat gebruikers en autorisatoren niet worden overgezet.",
      en: "Confirm that users and authorizers do not move.",
    },
    TERMS_NOT_ACCEPTED: {
      nl: "Ga eerst akkoord met de algemene voorwaarden.",
      en: "Accept the terms and conditions first.",
    },
    TERMS_OUTDATED: {
      nl: "De voorwaarden zijn gewijzigd. Lees en accepteer de nieuwe versie.",
      en: "The terms have changed. Read and accept the new version.",
    },
    INVALID_EMAIL: { nl: "Dit is geen geldig e-mailadres.", en: "This is not a valid e-mail address." },
    RECIPIENT_IN_OWN_ENVIRONMENT: {
      nl: "Deze ontvanger hoort bij uw eigen omgeving.",
      en: "This recipient belongs to your own environment.",
    },
    UNKNOWN_RECIPIENT: {
      nl: "Dit adres is niet van een actieve supergebruiker van een andere omgeving.",
      en: "This address is not an active superuser's of another environment.",
    },
    RECIPIENTS_IN_SEVERAL_ENVIRONMENTS: {
      nl: "Alle ontvangers moeten bij dezelfde omgeving horen.",
      en: "All recipients must belong to the same environment.",
    },
    EXPIRED: { nl: "Dit aanbod is verlopen.", en: "This offer has expired." },
    MOVE_STARTED: {
      nl: "De migratie is al gestart.",
      en: "The move has already started.",
    },
    ALREADY_ENDED: {
      nl: "Deze migratie is al afgerond.",
      en: "This migration has already ended.",
    },
    TRANSFER_CODE_INVALID: {
      nl: "Deze overdrachtscode is onbekend. Controleer de code in de e-mail.",
      en: "This transfer code is unknown. Check the code in the e-mail.",
    },
    TOO_MANY_ATTEMPTS: {
      nl: "Te veel onjuiste codes ingevoerd. Probeer het later opnieuw.",
      en: "Too many wrong codes entered. Try again later.",
    },
    OWN_OFFER: {
      nl: "Dit aanbod komt van uw eigen omgeving.",
      en: "This offer comes from your own environment.",
    },
    NOT_PREMIUM: {
      nl: "Alleen een Premium omgeving kan administraties ontvangen.",
      en: "Only a Premium environment can receive administrations.",
    },
    COSTS_NOT_ACCEPTED: {
      nl: "Ga eerst akkoord met de migratiekosten.",
      en: "Accept the migration costs first.",
    },
    WRONG_PACKAGE: {
      nl: "Deze koppeling is van een ander boekhoudpakket.",
      en: "This connection is of another accounting package.",
    },
    NO_CONNECTION_OF_PACKAGE: {
      nl: "Uw omgeving heeft geen koppeling met dit boekhoudpakket.",
      en: "Your environment has no connection to this accounting package.",
    },
    DUPLICATE_IN_TARGET: {
      nl: "Uw omgeving heeft al een administratie met deze code en naam.",
      en: "Your environment already has an administration with this code and name.",
    },
    NOT_OFFERED: { nl: "Dit wordt niet (meer) aangeboden.", en: "This is not (or no longer) offered." },
    ALREADY_RECEIVED: { nl: "Dit is al ontvangen.", en: "This has already been received." },
    NOT_FAILED: { nl: "Deze migratie is niet mislukt.", en: "This move has not failed." },
    NOT_QUEUED: {
      nl: "Deze migratie staat niet (meer) in de wachtrij.",
      en: "This move is not (or no longer) queued.",
    },
    WITHDRAWN: { nl: "Dit aanbod is ingetrokken.", en: "This offer has been withdrawn." },
    REJECTED: { nl: "Dit aanbod is afgewezen.", en: "This offer has been rejected." },
    CODE_IN_USE: {
      nl: "Deze administratiecode is in uw omgeving al in gebruik.",
      en: "This administration code is already in use in your environment.",
    },
    TOO_MANY_RECIPIENT_CHECKS: {
      nl: "U heeft het afgelopen uur te veel verschillende adressen laten controleren. Probeer het later opnieuw.",
      en: "You had too many different addresses checked in the past hour. Try again later.",
    },
    TOO_MANY_RESENDS: {
      nl: "Deze aanbieding is het afgelopen uur al te vaak opnieuw verstuurd. Probeer het later opnieuw.",
      en: "This offer was sent again too often in the past hour. Try again later.",
    },
    NO_CURRENT_RECIPIENTS: {
      nl: "Geen van de ontvangers is nog een actieve supergebruiker van de ontvangende omgeving. Wijzig eerst de ontvangers.",
      en: "None of the recipients is still an active superuser of the receiving environment. Change the recipients first.",
    },
    NOT_BEFORE_IN_PAST: {
      nl: "Dit moment ligt in het verleden; kies een later moment.",
      en: "This moment is in the past; choose a later one.",
    },
    NOT_BEFORE_TOO_FAR: {
      nl: "Dit moment ligt te ver vooruit.",
      en: "This moment is too far ahead.",
    },
    WEBHOOK_TARGET_REFUSED: {
      nl: "Een webhook-endpoint moet een https://-adres op een openbaar netwerkadres zijn.",
      en: "A webhook endpoint must be an https:// URL on a public address.",
    },
    NO_WEBHOOK_EVENTS: {
      nl: "Kies minstens één soort melding.",
      en: "Choose at least one event type.",
    },
  },
  ViewerAction: {
    OFFER: { nl: "Administraties aanbieden", en: "Offer administrations" },
    RECEIVE: { nl: "Administraties ophalen", en: "Receive administrations" },
    MANAGE_TOKENS: { nl: "API-tokens beheren", en: "Manage API tokens" },
  },
  WebhookDeliveryStatus: {
    PENDING: { nl: "Wacht", en: "Pending" },
    SENDING: { nl: "Wordt verstuurd", en: "Sending" },
    DELIVERED: { nl: "Afgeleverd", en: "Delivered" },
    GIVEN_UP: { nl: "Opgegeven", en: "Given up" },
  },
  WebhookEventType: {
    MIGRATION_OFFERED: { nl: "Aangeboden", en: "Offered" },
    MIGRATION_CLAIMED: { nl: "Opgehaald", en: "Claimed" },
    MIGRATION_REJECTED: { nl: "Afgewezen", en: "Rejected" },
    MIGRATION_WITHDRAWN: { nl: "Ingetrokken", en: "Withdrawn" },
    MIGRATION_EXPIRED: { nl: "Verlopen", en: "Expired" },
    MOVE_STARTED: { nl: "Overdracht gestart", en: "Move started" },
    MOVE_COMPLETED: { nl: "Overdracht voltooid", en: "Move completed" },
    MOVE_FAILED: { nl: "Overdracht mislukt", en: "Move failed" },
    MAIL_REFUSED: { nl: "Mail geweigerd", en: "Mail refused" },
  },
};

/** The values of an enum in the order its labels are written (the schema's order). */
export function valuesOf<Name extends keyof Enums>(name: Name): ValueOf<Enums[Name]>[] {
  return Object.keys(labels[name]) as ValueOf<Enums[Name]>[];
}
