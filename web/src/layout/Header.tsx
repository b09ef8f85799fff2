import { signOut } from "../client/session";
import { graphql, getFragmentData, type FragmentType } from "../gql";
import { labels } from "../i18n/enums";
import { useLanguage, useWords } from "../i18n/language";
import { words } from "../i18n/words";
import { Link } from "../router/router";

const HeaderViewer = graphql(`
  fragment Header_viewer on Viewer {
    tokenScope
    user {
      id
      displayName
      role
    }
    environment {
      id
      name
      officeCode
    }
  }
`);

function LanguageSwitch() {
  const { language, setLanguage } = useLanguage();
  const t = useWords();
  const other = language === "nl" ? "en" : "nl";
  return (
    <button
      type="button"
      className="link-button"
      lang={other}
      aria-label={t(words.switchLanguageLabel)}
      onClick={() => setLanguage(other)}
    >
      {t(words.switchLanguage)}
    </button>
  );
}

/** The bar on every screen: the product, who is signed in for which office, language, sign out. */
export function Header({ viewer }: { viewer?: FragmentType<typeof HeaderViewer> }) {
  const t = useWords();
  const who = getFragmentData(HeaderViewer, viewer);
  return (
    <header className="top-bar">
      <Link to="/" className="brand">
        {t(words.product)}
      </Link>
      {who && (
        <p className="who">
          <span className="office">
            {t(words.officeOf)(who.environment.name, who.environment.officeCode)}
          </span>
          <span>{t(words.signedInAs)(who.user.displayName, t(labels.Role[who.user.role]))}</span>
          {who.tokenScope === "READ_ONLY" && <span>{t(words.readOnlyToken)}</span>}
        </p>
      )}
      <div className="top-actions">
        <LanguageSwitch />
        {who && (
          <button type="button" className="link-button" onClick={() => signOut()}>
            {t(words.signOut)}
          </button>
        )}
      </div>
    </header>
  );
}
