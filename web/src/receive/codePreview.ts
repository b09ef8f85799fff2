// Entering a transfer code: THE ONE PLACE that asks transferCodePreview and reads why a code was
// refused, for the code step and for the refusals of the code that claimMigration and
// rejectMigration answer later. A refusal comes as a typed userError beside the preview (with
// retryAt for TOO_MANY_ATTEMPTS); any other error (a lapsed token, the network) as a top-level
// error.
import type { ApolloClient } from "@apollo/client";
import { CombinedGraphQLErrors } from "@apollo/client/errors";
import { graphql } from "../gql";
import type { UserErrorCode } from "../gql/enums";
import type { TransferCodePreviewQuery } from "../gql/graphql";
import type { DateFormats } from "../i18n/dates";
import { labels } from "../i18n/enums";
import type { Language, Phrase } from "../i18n/language";
import { words } from "../i18n/words";

const PAGE = 50;

const TransferCodePreview = graphql(`
  query TransferCodePreview($transferCode: String!, $first: Int!, $after: String) {
    transferCodePreview(transferCode: $transferCode) {
      preview {
        id
        targetIsPremium
        administrations(first: $first, after: $after) {
          pageInfo {
            hasNextPage
            endCursor
          }
          nodes {
            id
            ...ChooseStep_row
          }
        }
        ...ChooseStep_preview
      }
      userErrors {
        code
        retryAt
      }
    }
  }
`);

type Answer = NonNullable<TransferCodePreviewQuery["transferCodePreview"]>;
type Previewed = NonNullable<Answer["preview"]>;
export type PreviewRow = Previewed["administrations"]["nodes"][number];

/** Why a code was not taken: a code the API gave (with when to try again), or another error. */
export interface CodeRefusal {
  code: UserErrorCode | null;
  retryAt: string | null;
  error?: unknown;
}

export type CodeOutcome =
  | { kind: "preview"; preview: Previewed; rows: PreviewRow[] }
  | { kind: "refused"; refusal: CodeRefusal };

// The refusals of a code said in the code's own terms; any other code takes its enum label.
const CODE_WORDS: Partial<Record<UserErrorCode, Phrase>> = {
  TRANSFER_CODE_INVALID: words.codeInvalid,
  EXPIRED: words.codeExpired,
  WITHDRAWN: words.codeWithdrawn,
  REJECTED: words.codeRejected,
  ALREADY_RECEIVED: words.codeAlreadyReceived,
  NOT_PREMIUM: words.codeNotPremium,
  OWN_OFFER: words.codeOwnOffer,
};

function isUserErrorCode(code: unknown): code is UserErrorCode {
  return typeof code === "string" && Object.hasOwn(labels.UserErrorCode, code);
}

/** The refusal a top-level error of transferCodePreview carries, if it is one. */
function refusalOf(error: unknown): CodeRefusal {
  if (CombinedGraphQLErrors.is(error)) {
    for (const each of error.errors) {
      const code = each.extensions?.code;
      const retryAt = each.extensions?.retryAt;
      if (isUserErrorCode(code)) {
        return { code, retryAt: typeof retryAt === "string" ? retryAt : null };
      }
    }
  }
  return { code: null, retryAt: null, error };
}

/** The preview of a code, every page of its administrations, or why the code was refused. */
export async function previewCode(
  client: ApolloClient,
  transferCode: string,
): Promise<CodeOutcome> {
  const rows: PreviewRow[] = [];
  let first: Previewed | null = null;
  let after: string | null = null;
  do {
    let previewed: Previewed | null;
    try {
      const { data }: { data?: TransferCodePreviewQuery } = await client.query({
        query: TransferCodePreview,
        variables: { transferCode, first: PAGE, after },
        fetchPolicy: "no-cache",
      });
      const answer = data?.transferCodePreview ?? null;
      const refused = answer?.userErrors[0];
      if (refused !== undefined) {
        return { kind: "refused", refusal: { code: refused.code, retryAt: refused.retryAt ?? null } };
      }
      previewed = answer?.preview ?? null;
    } catch (error) {
      return { kind: "refused", refusal: refusalOf(error) };
    }
    if (previewed === null)
      return { kind: "refused", refusal: { code: "NOT_FOUND", retryAt: null } };
    first ??= previewed;
    rows.push(...previewed.administrations.nodes);
    const page: { hasNextPage: boolean; endCursor?: string | null } =
      previewed.administrations.pageInfo;
    after = page.hasNextPage ? (page.endCursor ?? null) : null;
  } while (after !== null);
  if (!first.targetIsPremium) {
    return { kind: "refused", refusal: { code: "NOT_PREMIUM", retryAt: null } };
  }
  return { kind: "preview", preview: first, rows };
}

/** Whether a userError of a mutation is about the code itself rather than a field. */
export function isCodeRefusal(code: UserErrorCode, field: readonly string[] | null): boolean {
  return field?.[1] === "transferCode" || code === "TOO_MANY_ATTEMPTS" || code === "NOT_PREMIUM";
}

/** A refusal of a code in words, with the moment to try again in the office's time zone. */
export function describeCodeRefusal(
  refusal: Omit<CodeRefusal, "error">,
  language: Language,
  dates: DateFormats,
): string | null {
  const { code, retryAt } = refusal;
  if (code === null) return null;
  if (code === "TOO_MANY_ATTEMPTS" && retryAt !== null) {
    return words.codeTooManyAttempts[language](dates.dateTime(retryAt));
  }
  return (CODE_WORDS[code] ?? labels.UserErrorCode[code])[language];
}
