import { useApolloClient } from "@apollo/client/react";
import { useEffect, useId, useRef, useState } from "react";
import { describeError } from "../client/errors";
import { useDates } from "../i18n/dates";
import { useLanguage, useWords } from "../i18n/language";
import { words } from "../i18n/words";
import {
  describeCodeRefusal,
  previewCode,
  type CodeOutcome,
  type CodeRefusal,
} from "./codePreview";

type Previewed = Extract<CodeOutcome, { kind: "preview" }>;

/**
 * Step 1: the transfer code, typed as the mail shows it or any other way. A refused code is said
 * in words under the field, which keeps the focus so the user can correct it.
 */
export function CodeStep({
  onPreview,
  focusField,
}: {
  onPreview: (transferCode: string, previewed: Previewed) => void;
  focusField: boolean;
}) {
  const t = useWords();
  const { language } = useLanguage();
  const dates = useDates();
  const id = useId();
  const client = useApolloClient();
  const [code, setCode] = useState("");
  const [missing, setMissing] = useState(false);
  const [refusal, setRefusal] = useState<CodeRefusal | null>(null);
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (focusField) field.current?.focus();
  }, [focusField]);

  const check = async () => {
    const typed = code.trim();
    if (busy) return;
    if (!typed) {
      setMissing(true);
      field.current?.focus();
      return;
    }
    setBusy(true);
    setRefusal(null);
    const outcome = await previewCode(client, typed);
    setBusy(false);
    if (outcome.kind === "preview") {
      onPreview(typed, outcome);
      return;
    }
    setRefusal(outcome.refusal);
    field.current?.focus();
  };

  const said = refusal
    ? (describeCodeRefusal(refusal, language, dates) ?? t(describeError(refusal.error)))
    : missing
      ? t(words.codeRequired)
      : null;
  return (
    <section aria-labelledby={`${id}-title`} className="wizard-step">
      <h2 id={`${id}-title`}>{t(words.stepCode)}</h2>
      <p>{t(words.receiveIntro)}</p>
      <form
        className="code-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void check();
        }}
      >
        <label htmlFor={`${id}-code`}>{t(words.codeLabel)}</label>
        <input
          id={`${id}-code`}
          ref={field}
          type="text"
          className="transfer-code-input"
          value={code}
          onChange={(event) => {
            setCode(event.target.value);
            setMissing(false);
          }}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          aria-invalid={said !== null}
          aria-describedby={`${id}-hint${said !== null ? ` ${id}-error` : ""}`}
        />
        <p id={`${id}-hint`} className="hint">
          {t(words.codeHint)}
        </p>
        {said !== null && (
          <p
            id={`${id}-error`}
            role="alert"
            className="error"
            data-refusal={refusal?.code ?? "REQUIRED"}
          >
            {said}
          </p>
        )}
        <p role="status" className="news">
          {busy ? t(words.checkingCode) : ""}
        </p>
        <button type="submit" className="primary" aria-disabled={busy}>
          {t(words.previewButton)}
        </button>
      </form>
    </section>
  );
}
