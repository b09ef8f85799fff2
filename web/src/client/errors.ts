// Every error the API can answer, in words, so no raw code ever shows. Top-level errors carry
// extensions.code (api/error_codes.py names one on every error): codes of the service itself
// and of GraphQL's stages (parse, validation, a bug) are worded here, codes that are also a UserErrorCode (the refusals of a
// transfer code) take that enum's label, and anything else gets a general sentence.
import { CombinedGraphQLErrors, ServerError } from "@apollo/client/errors";
import type { UserErrorCode } from "../gql/enums";
import { labels } from "../i18n/enums";
import type { Phrase } from "../i18n/language";

const SERVICE_ERRORS = {
  UNAUTHENTICATED: {
    nl: "Uw token wordt niet (meer) geaccepteerd. Log opnieuw in.",
    en: "Your token is not (or no longer) accepted. Please sign in again.",
  },
  FORBIDDEN: {
    nl: "Dit mag u niet zien of doen: de migratieschermen zijn er alleen voor supergebruikers.",
    en: "You may not see or do this: the migration screens are for superusers only.",
  },
  NOT_FOUND: {
    nl: "Dit bestaat niet (meer), of is niet van uw kantoor.",
    en: "This does not exist (any more), or is not your office's.",
  },
  BAD_USER_INPUT: {
    nl: "Het scherm vroeg iets wat de server niet begrijpt. Laad de pagina opnieuw.",
    en: "The screen asked for something the server does not understand. Reload the page.",
  },
  GRAPHQL_PARSE_FAILED: {
    nl: "Het scherm stuurde een vraag die de server niet kan lezen. Laad de pagina opnieuw.",
    en: "The screen sent a question the server cannot read. Reload the page.",
  },
  GRAPHQL_VALIDATION_FAILED: {
    nl: "Het scherm vroeg naar iets wat de server niet (meer) kent. Laad de pagina opnieuw.",
    en: "The screen asked for something the server does not (or no longer) know. Reload the page.",
  },
  INTERNAL_SERVER_ERROR: {
    nl: "Er ging bij de server iets mis. Probeer het opnieuw; blijft het misgaan, meld het dan.",
    en: "Something went wrong at the server. Please try again; if it keeps failing, report it.",
  },
  BAD_REQUEST: {
    nl: "Het scherm stuurde een verzoek dat de server niet begrijpt. Laad de pagina opnieuw.",
    en: "The screen sent a request the server does not understand. Reload the page.",
  },
  QUERY_TOO_COSTLY: {
    nl: "Dit is te veel in één keer. Vraag minder regels per pagina.",
    en: "This is too much at once. Ask for fewer rows per page.",
  },
  RESPONSE_TOO_LARGE: {
    nl: "Het antwoord zou te groot worden. Vraag minder regels per pagina.",
    en: "The answer would be too large. Ask for fewer rows per page.",
  },
  REQUEST_TIMEOUT: {
    nl: "De server deed hier te lang over. Probeer het zo opnieuw.",
    en: "The server took too long. Please try again shortly.",
  },
  SERVICE_UNAVAILABLE: {
    nl: "De server is even niet bereikbaar. Probeer het zo opnieuw.",
    en: "The server cannot be reached just now. Please try again shortly.",
  },
  TOO_MANY_SUBSCRIPTIONS: {
    nl: "Te veel live-overzichten tegelijk open. Sluit er een en probeer het opnieuw.",
    en: "Too many live views are open at once. Close one and try again.",
  },
  SUBSCRIPTION_OVER_HTTP: {
    nl: "Live bijwerken lukte niet. Laad de pagina opnieuw.",
    en: "Live updates did not start. Reload the page.",
  },
  IDEMPOTENCY_KEY_REUSED: {
    nl: "Dit verzoek is al eens met andere gegevens verstuurd. Probeer het opnieuw.",
    en: "This request was already sent with other data. Please try again.",
  },
} as const satisfies Record<string, Phrase>;

const UNREACHABLE: Phrase = {
  nl: "De server is niet bereikbaar. Controleer de verbinding en probeer het opnieuw.",
  en: "The server cannot be reached. Check the connection and try again.",
};

const UNEXPECTED: Phrase = {
  nl: "Er ging iets onverwachts mis. Probeer het opnieuw.",
  en: "Something unexpected went wrong. Please try again.",
};

function isServiceError(code: string): code is keyof typeof SERVICE_ERRORS {
  return Object.hasOwn(SERVICE_ERRORS, code);
}

function isUserErrorCode(code: string): code is UserErrorCode {
  return Object.hasOwn(labels.UserErrorCode, code);
}

/** The extensions.code of each GraphQL error in what Apollo reports. */
export function errorCodes(error: unknown): string[] {
  if (!CombinedGraphQLErrors.is(error)) return [];
  return error.errors.flatMap((each) => {
    const code = each.extensions?.code;
    return typeof code === "string" ? [code] : [];
  });
}

/** What to tell the user about an error Apollo reports: the first code we have words for. */
export function describeError(error: unknown): Phrase {
  for (const code of errorCodes(error)) {
    if (isServiceError(code)) return SERVICE_ERRORS[code];
    if (isUserErrorCode(code)) return labels.UserErrorCode[code];
  }
  if (ServerError.is(error) || error instanceof TypeError) return UNREACHABLE;
  return UNEXPECTED;
}
