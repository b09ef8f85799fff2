import type { ReactNode } from "react";
import { useWords } from "../i18n/language";
import { words } from "../i18n/words";

/** The frame of every screen: a skip link, the top bar, and the main content. */
export function Shell({ header, children }: { header: ReactNode; children: ReactNode }) {
  const t = useWords();
  return (
    <>
      <a className="skip-link" href="#main">
        {t(words.skipToContent)}
      </a>
      {header}
      <main id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
