import { useWords } from "../i18n/language";
import { words } from "../i18n/words";
import type { ShownTerms } from "./useTerms";

/** The terms' text, in a region of its own that scrolls and that the keyboard can reach. */
export function TermsText({ id, terms }: { id?: string; terms: ShownTerms | null }) {
  const t = useWords();
  return (
    <div
      id={id}
      className="terms-text"
      role="region"
      aria-label={t(words.termsTitle)}
      tabIndex={0}
    >
      {terms === null ? (
        <p>{t(words.loading)}</p>
      ) : (
        <>
          {terms.text
            .split(/\n\s*\n/)
            .filter((paragraph) => paragraph.trim() !== "")
            .map((paragraph, index) => (
              <p key={index}>{paragraph.trim()}</p>
            ))}
          <p className="hint">{t(words.termsVersion)(terms.version)}</p>
        </>
      )}
    </div>
  );
}
