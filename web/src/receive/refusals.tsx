// The userErrors of claimMigration and rejectMigration, each said in words at the field of the
// form it is about (the API's `field` is the path into the mutation's input), and the focus
// moved to the first of them so a keyboard or screen-reader user lands where to act.
import { useEffect, useRef, type RefObject } from "react";
import { describeError } from "../client/errors";
import type { UserErrorCode } from "../gql/enums";
import { useDates } from "../i18n/dates";
import { labels } from "../i18n/enums";
import { useLanguage, useWords, type Phrase } from "../i18n/language";
import { words } from "../i18n/words";
import { describeCodeRefusal, isCodeRefusal } from "./codePreview";

/** Where in the form a refusal is shown. */
export type Place =
  | "general"
  | "terms"
  | "costs"
  | "row"
  | "connection"
  | "code"
  | "reason"
  | "moment";

export type Refusal =
  | {
      kind: "api";
      code: UserErrorCode;
      field: readonly string[] | null;
      retryAt: string | null;
      place: Place;
    }
  | { kind: "said"; phrase: Phrase }
  | { kind: "error"; error: unknown };

/** Refusals by the form field they belong to: "general", "terms", "costs", or "<place>:<row id>". */
export type Refusals = Readonly<Record<string, readonly Refusal[]>>;

export function keyOf(place: Place, rowId?: string): string {
  return rowId === undefined ? place : `${place}:${rowId}`;
}

export function add(refusals: Refusals, key: string, refusal: Refusal): Refusals {
  return { ...refusals, [key]: [...(refusals[key] ?? []), refusal] };
}

function fieldPhrase(code: UserErrorCode, place: Place): Phrase | null {
  if (place === "code" && code === "INVALID") return words.administrationCodeInvalid;
  if (place === "code" && code === "DUPLICATE_IN_INPUT") return words.administrationCodeTwice;
  if (place === "connection" && code === "NOT_FOUND") return words.chooseOwnConnection;
  if (place === "reason" && code === "INVALID") return words.reasonTooLong;
  return null;
}

function RefusalText({ refusal }: { refusal: Refusal }) {
  const t = useWords();
  const { language } = useLanguage();
  const dates = useDates();
  if (refusal.kind === "said") return t(refusal.phrase);
  if (refusal.kind === "error") return t(describeError(refusal.error));
  const { code, field, retryAt, place } = refusal;
  if (place === "general" && isCodeRefusal(code, field)) {
    return describeCodeRefusal({ code, retryAt }, language, dates);
  }
  return t(fieldPhrase(code, place) ?? labels.UserErrorCode[code]);
}

/** The refusals of one field, under it; `id` is what the field's aria-describedby names. */
export function FieldRefusals({
  id,
  refusals,
  focusable = false,
}: {
  id: string;
  refusals: readonly Refusal[] | undefined;
  focusable?: boolean;
}) {
  if (!refusals || refusals.length === 0) return null;
  return (
    <div id={id} className="field-errors" tabIndex={focusable ? -1 : undefined} data-refusal="">
      {refusals.map((refusal, index) => (
        <p className="error" key={index}>
          <RefusalText refusal={refusal} />
        </p>
      ))}
    </div>
  );
}

/**
 * After each answer with refusals, the focus goes to the first field marked invalid, or to the
 * first message that belongs to no field, whichever comes first in the form.
 */
export function useFocusFirstRefusal(form: RefObject<HTMLElement | null>, answered: number): void {
  const last = useRef(answered);
  useEffect(() => {
    if (answered === last.current) return;
    last.current = answered;
    const first = form.current?.querySelector<HTMLElement>(
      '[aria-invalid="true"], [data-refusal][tabindex]',
    );
    first?.focus();
  }, [answered, form]);
}
