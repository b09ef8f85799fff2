import { useId } from "react";
import type { MailLanguage } from "../gql/enums";
import { labels, valuesOf } from "../i18n/enums";
import { useWords } from "../i18n/language";
import { offerWords } from "../i18n/offerWords";
import { UserErrorText, type ShownUserError } from "../ui/UserErrorText";
import type { ChecklistRow } from "./checklist";
import { TermsText } from "../terms/TermsText";
import type { ShownTerms } from "../terms/useTerms";
import type { RecipientChecks } from "./recipientChecks";
import { RecipientsField } from "./RecipientsField";
import { WizardStep } from "./WizardStep";

export function termsInputId(idPrefix: string): string {
  return `${idPrefix}-terms`;
}

export function languageInputId(idPrefix: string, language: MailLanguage): string {
  return `${idPrefix}-language-${language}`;
}

/**
 * Step 3, the last: the chosen administrations, the recipients after the user's own address,
 * the language of the mail, the terms and their acceptance, and send.
 */
export function SendStep({
  headingId,
  idPrefix,
  chosenRows,
  ownAddress,
  recipientRows,
  onRecipients,
  checks,
  language,
  onLanguage,
  languageErrors,
  terms,
  acceptTerms,
  onAcceptTerms,
  termsErrors,
  sending,
  onBack,
  onSend,
}: {
  headingId: string;
  idPrefix: string;
  chosenRows: readonly ChecklistRow[];
  ownAddress: string | null;
  recipientRows: readonly string[];
  onRecipients: (rows: string[]) => void;
  checks: RecipientChecks;
  language: MailLanguage;
  onLanguage: (language: MailLanguage) => void;
  languageErrors: readonly ShownUserError[];
  terms: ShownTerms | null;
  acceptTerms: boolean;
  onAcceptTerms: (accept: boolean) => void;
  termsErrors: readonly ShownUserError[];
  sending: boolean;
  onBack: () => void;
  onSend: () => void;
}) {
  const t = useWords();
  const id = useId();
  const termsId = termsInputId(idPrefix);
  const termsErrorIds = termsErrors.map((_, index) => `${termsId}-error-${index}`);
  const languageErrorIds = languageErrors.map((_, index) => `${id}-language-error-${index}`);
  return (
    <WizardStep headingId={headingId} number={3} title={t(offerWords.stepSend)} onSubmit={onSend}>
      <section aria-labelledby={`${id}-chosen`} className="chosen">
        <h3 id={`${id}-chosen`}>{t(offerWords.chosenTitle)(chosenRows.length)}</h3>
        <ul>
          {chosenRows.map((row) => (
            <li key={row.id}>
              {row.administration.name}{" "}
              <span className="code-inline">{row.administration.code}</span>
            </li>
          ))}
        </ul>
      </section>
      <RecipientsField
        idPrefix={idPrefix}
        copyTo={
          ownAddress === null ? null : { address: ownAddress, note: t(offerWords.ownAddressNote) }
        }
        rows={recipientRows}
        onChange={onRecipients}
        checks={checks}
      />
      <fieldset className="choice-group" aria-describedby={languageErrorIds.join(" ") || undefined}>
        <legend>{t(offerWords.languageLegend)}</legend>
        {valuesOf("MailLanguage").map((value) => {
          const inputId = languageInputId(idPrefix, value);
          return (
            <div className="choice" key={value}>
              <input
                id={inputId}
                type="radio"
                name={`${idPrefix}-language`}
                value={value}
                checked={language === value}
                onChange={() => onLanguage(value)}
              />
              <label htmlFor={inputId}>{t(labels.MailLanguage[value])}</label>
            </div>
          );
        })}
        {languageErrors.map((error, index) => (
          <UserErrorText key={error.code} id={languageErrorIds[index]} error={error} />
        ))}
      </fieldset>
      <fieldset className="terms">
        <legend>{t(offerWords.termsLegend)}</legend>
        <TermsText id={`${id}-terms-text`} terms={terms} />
        <div className="check-box">
          <input
            id={termsId}
            type="checkbox"
            checked={acceptTerms}
            // Terms are accepted as shown: not before their text (and version) is there.
            disabled={terms === null}
            onChange={(event) => onAcceptTerms(event.target.checked)}
            aria-invalid={termsErrors.length > 0}
            aria-describedby={termsErrorIds.join(" ") || undefined}
          />
          <label htmlFor={termsId}>{t(offerWords.acceptTermsLabel)}</label>
        </div>
        {termsErrors.map((error, index) => (
          <UserErrorText key={error.code} id={termsErrorIds[index]} error={error} />
        ))}
      </fieldset>
      <div className="wizard-buttons">
        <button type="button" className="secondary" onClick={onBack}>
          {t(offerWords.back)}
        </button>
        <button type="submit" className="primary" aria-disabled={sending}>
          {sending ? t(offerWords.sending) : t(offerWords.send)}
        </button>
      </div>
    </WizardStep>
  );
}
