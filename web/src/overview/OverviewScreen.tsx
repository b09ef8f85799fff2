import { useWords } from "../i18n/language";
import { words } from "../i18n/words";
import { ACTIONS_PATH, MigrationPage } from "../layout/MigrationPage";
import { Link } from "../router/router";
import { OfferedSection } from "./OfferedSection";
import { ReceivableSection } from "./ReceivableSection";

/** Migratie overzicht: start a migration, what this office offered, what it can receive. */
export function OverviewScreen() {
  const t = useWords();
  return (
    <MigrationPage title={t(words.overviewTitle)}>
      <section aria-labelledby="start-title" className="start">
        <h2 id="start-title">{t(words.startTitle)}</h2>
        <p>{t(words.startText)}</p>
        <Link to={ACTIONS_PATH} className="button primary">
          {t(words.startButton)}
        </Link>
      </section>
      <OfferedSection />
      <ReceivableSection />
    </MigrationPage>
  );
}
