// The terms and conditions an offer is made under, shown above their acceptance.
// THE ONE PLACE to switch when the API serves them: today it has neither their text nor a
// version, so `TermsText` shows a placeholder that says so, and the offer records only that they
// were accepted. The API plan adds `terms { version text(language:) }` and `termsVersion` on
// offerMigration's input: then TermsText queries the text in the screen's language and hands
// the version the user saw to the wizard, which sends it with the offer.
import { useWords } from "../i18n/language";
import { offerWords } from "../i18n/offerWords";

/** The terms' text, in a region of its own that scrolls and that the keyboard can reach. */
export function TermsText({ id }: { id: string }) {
  const t = useWords();
  return (
    <div
      id={id}
      className="terms-text"
      role="region"
      aria-label={t(offerWords.termsRegion)}
      tabIndex={0}
    >
      <p>{t(offerWords.termsPlaceholder)}</p>
    </div>
  );
}
