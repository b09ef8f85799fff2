import { useWords } from "../i18n/language";
import { words } from "../i18n/words";
import { OVERVIEW_PATH } from "../layout/MigrationPage";
import { Link } from "../router/router";

/** Where a screen is not built yet: the API does it already, GraphiQL shows how. */
export function ComingSoon() {
  const t = useWords();
  return (
    <>
      <p>
        {t(words.comingSoon)} <a href="/graphql">/graphql</a>
      </p>
      <p>
        <Link to={OVERVIEW_PATH}>{t(words.backToOverview)}</Link>
      </p>
    </>
  );
}
