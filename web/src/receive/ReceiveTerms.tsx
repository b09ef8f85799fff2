import { useId } from "react";
import { useWords } from "../i18n/language";
import { words } from "../i18n/words";

/**
 * The terms a receiver accepts. The API does not give their text and version yet (the plan adds
 * Query.terms and ClaimMigrationInput.termsVersion); until it does, this says what they hold in
 * short. THE ONE PLACE to switch to the API's text, and to send the version shown.
 */
export function ReceiveTerms() {
  const t = useWords();
  const id = useId();
  return (
    <div className="terms" role="region" aria-labelledby={id}>
      <h3 id={id}>{t(words.termsTitle)}</h3>
      <p>{t(words.termsDocumentsOnly)}</p>
      <p>{t(words.termsCharged)}</p>
    </div>
  );
}
