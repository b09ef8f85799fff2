import { useEffect, useId, useState } from "react";
import { useWords } from "../i18n/language";
import { offerWords } from "../i18n/offerWords";
import { UserErrorText } from "../ui/UserErrorText";
import type { RecipientChecks } from "./recipientChecks";

interface RecipientsFieldProps {
  /** The ids of the form's controls start with this, so a refusal can take the focus there. */
  idPrefix: string;
  /** The requester's address, always on the mail as a copy, and what to call it; null: hidden. */
  copyTo: { address: string; note: string } | null;
  rows: readonly string[];
  onChange: (rows: string[]) => void;
  checks: RecipientChecks;
}

/** The id of a recipient row's input, for the focus. */
export function recipientInputId(idPrefix: string, row: number): string {
  return `${idPrefix}-recipient-${row}`;
}

/**
 * The recipients of an offer, typed after the user's own address as the help article says:
 * one input per address, each with where it stands, and the refusals of the whole list.
 */
export function RecipientsField({
  idPrefix,
  copyTo,
  rows,
  onChange,
  checks,
}: RecipientsFieldProps) {
  const t = useWords();
  const id = useId();
  const listErrorIds = checks.listErrors.map((_, index) => `${id}-list-${index}`);
  // A row added or removed moves the focus to the row to type in next.
  const [focusRow, setFocusRow] = useState<{ row: number } | null>(null);
  useEffect(() => {
    if (focusRow) document.getElementById(recipientInputId(idPrefix, focusRow.row))?.focus();
  }, [focusRow, idPrefix]);
  const change = (row: number, value: string) =>
    onChange(rows.map((old, index) => (index === row ? value : old)));
  return (
    <fieldset className="recipients" aria-describedby={[`${id}-hint`, ...listErrorIds].join(" ")}>
      <legend>{t(offerWords.recipientsLegend)}</legend>
      <p id={`${id}-hint`} className="hint">
        {t(offerWords.recipientsHint)}
      </p>
      <ol className="recipient-list">
        {copyTo !== null && (
          <li className="copy-address">
            <span className="address">{copyTo.address}</span>{" "}
            <span className="recipient-note">{copyTo.note}</span>
          </li>
        )}
        {rows.map((address, row) => {
          const inputId = recipientInputId(idPrefix, row);
          const state = checks.stateOf(address);
          const refused = state.kind === "refused";
          const describedBy = [
            ...(refused
              ? state.errors.map((_, index) => `${inputId}-error-${index}`)
              : [`${inputId}-state`]),
            ...listErrorIds,
          ];
          return (
            <li key={row}>
              <label htmlFor={inputId}>{t(offerWords.recipientLabel)(row + 1)}</label>
              <div className="recipient-row">
                <input
                  id={inputId}
                  type="email"
                  value={address}
                  onChange={(event) => change(row, event.target.value)}
                  autoComplete="off"
                  spellCheck={false}
                  aria-invalid={refused || listErrorIds.length > 0}
                  aria-describedby={describedBy.join(" ")}
                />
                {rows.length > 1 && (
                  <button
                    type="button"
                    className="secondary"
                    aria-label={t(offerWords.removeRecipientLabel)(row + 1)}
                    onClick={() => {
                      onChange(rows.filter((_, index) => index !== row));
                      setFocusRow({ row: Math.max(row - 1, 0) });
                    }}
                  >
                    {t(offerWords.removeRecipient)}
                  </button>
                )}
              </div>
              {refused ? (
                state.errors.map((error, index) => (
                  <UserErrorText
                    key={`${error.code}-${index}`}
                    id={`${inputId}-error-${index}`}
                    error={error}
                  />
                ))
              ) : (
                <p id={`${inputId}-state`} className="recipient-state" data-state={state.kind}>
                  {state.kind === "unchecked" && t(offerWords.recipientUnchecked)}
                  {state.kind === "accepted" && t(offerWords.recipientAccepted)}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="secondary"
        onClick={() => {
          onChange([...rows, ""]);
          setFocusRow({ row: rows.length });
        }}
      >
        {t(offerWords.addRecipient)}
      </button>
      {checks.listErrors.map((error, index) => (
        <UserErrorText key={`${error.code}-${index}`} id={listErrorIds[index]} error={error} />
      ))}
    </fieldset>
  );
}
