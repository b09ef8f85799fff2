import { useMutation } from "@apollo/client/react";
import { useEffect, useId, useRef, useState } from "react";
import { graphql } from "../gql";
import { useDates } from "../i18n/dates";
import { useWords } from "../i18n/language";
import { offerWords } from "../i18n/offerWords";
import { words } from "../i18n/words";
import { ErrorMessage } from "../ui/ErrorMessage";
import { inputPath, shownErrors, UserErrorText, type Wording } from "../ui/UserErrorText";
import { dayOf, sameTimeOn } from "./officeDays";

const ExtendMigration = graphql(`
  mutation ExtendMigration($input: ExtendMigrationInput!) {
    extendMigration(input: $input) {
      migration {
        id
        expiresAt
        isExpired
        administrations(first: 100) {
          nodes {
            id
            expiresAt
          }
        }
      }
      userErrors {
        ...UserErrorText_error
      }
    }
  }
`);

const DATE_WORDING: Wording = { INVALID: offerWords.extendInvalid };

/** Verloopdatum verlengen: a later day, at the same time of day as the expiry now. */
export function ExtendExpiry({
  migrationId,
  expiresAt,
  timeZone,
  onNews,
}: {
  migrationId: string;
  expiresAt: string;
  timeZone: string;
  onNews: (text: string) => void;
}) {
  const t = useWords();
  const { dateTime } = useDates();
  const id = useId();
  const formId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [open, setOpen] = useState(false);
  const [day, setDay] = useState(() => dayOf(expiresAt, timeZone));
  const [extend, { loading, error, data, reset }] = useMutation(ExtendMigration, {
    refetchQueries: ["OfferAudit"],
  });
  const refusals = shownErrors(data?.extendMigration.userErrors ?? []);
  const atDate = refusals.filter((refusal) => inputPath(refusal)[0] === "expiresAt");
  const elsewhere = refusals.filter((refusal) => inputPath(refusal)[0] !== "expiresAt");
  const errorIds = atDate.map((_, index) => `${id}-error-${index}`);
  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);
  const submit = async () => {
    if (loading) return;
    const answer = await extend({
      variables: { input: { migrationId, expiresAt: sameTimeOn(day, expiresAt, timeZone) } },
    }).catch(() => null);
    const payload = answer?.data?.extendMigration;
    if (!payload) return;
    if (payload.userErrors.length === 0 && payload.migration) {
      setOpen(false);
      onNews(t(offerWords.extended)(dateTime(payload.migration.expiresAt)));
    } else {
      input.current?.focus();
    }
  };
  return (
    <div className="action">
      <button
        type="button"
        className="secondary"
        aria-expanded={open}
        aria-controls={formId}
        onClick={() => {
          reset();
          setDay(dayOf(expiresAt, timeZone));
          setOpen((now) => !now);
        }}
      >
        {t(offerWords.extend)}
      </button>
      <div id={formId}>
        {open && (
          <form
            className="inline-form"
            noValidate
            aria-label={t(offerWords.extend)}
            onSubmit={(event) => {
              event.preventDefault();
              void submit();
            }}
          >
            <label htmlFor={`${id}-day`}>{t(offerWords.newExpiry)}</label>
            <input
              ref={input}
              id={`${id}-day`}
              type="date"
              value={day}
              onChange={(event) => setDay(event.target.value)}
              aria-invalid={atDate.length > 0}
              aria-describedby={[`${id}-hint`, ...errorIds].join(" ")}
            />
            <p id={`${id}-hint`} className="hint">
              {t(offerWords.newExpiryHint)(dateTime(expiresAt))}
            </p>
            {atDate.map((refusal, index) => (
              <UserErrorText
                key={refusal.code}
                id={errorIds[index]}
                error={refusal}
                wording={DATE_WORDING}
              />
            ))}
            {elsewhere.map((refusal, index) => (
              <UserErrorText key={`${refusal.code}-${index}`} error={refusal} />
            ))}
            {error && <ErrorMessage error={error} />}
            <div className="wizard-buttons">
              <button type="button" className="secondary" onClick={() => setOpen(false)}>
                {t(words.cancel)}
              </button>
              <button type="submit" className="primary" aria-disabled={loading}>
                {t(offerWords.extendConfirm)}
              </button>
            </div>
          </form>
        )}
      </div>
    </div>
  );
}
