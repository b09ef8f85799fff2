import { graphql, getFragmentData, type FragmentType } from "../gql";
import type { UserErrorCode } from "../gql/enums";
import type { UserErrorText_ErrorFragment } from "../gql/graphql";
import { useDates } from "../i18n/dates";
import { labels } from "../i18n/enums";
import { useWords, type Phrase } from "../i18n/language";
import { offerWords } from "../i18n/offerWords";

// What a screen needs of a refusal to place it: its code, where in the input it points, and
// when trying again is allowed. The message is the API's English and is not shown; the code is
// said in the user's language.
export const UserErrorFields = graphql(`
  fragment UserErrorText_error on UserError {
    code
    field
    retryAt
  }
`);

export type ShownUserError = UserErrorText_ErrorFragment;

/** A payload's refusals, unmasked for the screen that places each at its field. */
export function shownErrors(
  errors: readonly FragmentType<typeof UserErrorFields>[],
): ShownUserError[] {
  return getFragmentData(UserErrorFields, [...errors]);
}

/** Where in the mutation's input a refusal points, without the leading "input". */
export function inputPath(error: ShownUserError): readonly string[] {
  const field = error.field ?? [];
  return field[0] === "input" ? field.slice(1) : field;
}

/** The refusals that point exactly at this path of the input ([] for the whole request). */
export function errorsAt(errors: readonly ShownUserError[], ...path: string[]): ShownUserError[] {
  return errors.filter((error) => {
    const at = inputPath(error);
    return at.length === path.length && at.every((part, index) => part === path[index]);
  });
}

/** Words for a code where the field gives it a sharper meaning than its general label. */
export type Wording = Partial<Record<UserErrorCode, Phrase>>;

/** One refusal in words, with the moment trying again is allowed when the API gives one. */
export function UserErrorText({
  error,
  id,
  wording,
}: {
  error: ShownUserError;
  id?: string;
  wording?: Wording;
}) {
  const t = useWords();
  const { dateTime } = useDates();
  return (
    <p id={id} className="error field-error">
      {t(wording?.[error.code] ?? labels.UserErrorCode[error.code])}
      {error.retryAt && ` ${t(offerWords.retryFrom)(dateTime(error.retryAt))}`}
    </p>
  );
}
