import type { Ref } from "react";
import { useOfficeTimeZone } from "../i18n/dates";
import { useWords } from "../i18n/language";
import { words } from "../i18n/words";
import { FieldRefusals, type Refusal } from "./refusals";

/**
 * The moment a move must not start before, typed as the office's wall-clock time (the browser's
 * own zone plays no part); its hint and refusals are what the field's aria-describedby names.
 */
export function MomentField({
  id,
  value,
  onChange,
  refusals,
  inputRef,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  refusals: readonly Refusal[] | undefined;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const t = useWords();
  const timeZone = useOfficeTimeZone();
  const refused = refusals !== undefined && refusals.length > 0;
  return (
    <div className="field">
      <label htmlFor={id}>{t(words.notBeforeLabel)}</label>
      <input
        id={id}
        ref={inputRef}
        type="datetime-local"
        className="moment-input"
        value={value}
        step={60}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={refused ? true : undefined}
        aria-describedby={[`${id}-hint`, refused && `${id}-errors`].filter(Boolean).join(" ")}
      />
      <p id={`${id}-hint`} className="hint">
        {t(words.notBeforeHint)(timeZone)}
      </p>
      <FieldRefusals id={`${id}-errors`} refusals={refusals} />
    </div>
  );
}
