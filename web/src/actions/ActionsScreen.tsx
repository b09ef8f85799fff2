import { useWords } from "../i18n/language";
import { words } from "../i18n/words";
import { MigrationPage } from "../layout/MigrationPage";
import { OFFER_PATH } from "../offer/OfferScreen";
import { RECEIVE_PATH } from "../receive/ReceiveScreen";
import { Link } from "../router/router";

/** Migratie acties: the two ways a migration starts, as the help article offers them. */
export function ActionsScreen() {
  const t = useWords();
  return (
    <MigrationPage title={t(words.actionsTitle)}>
      <p>{t(words.actionsIntro)}</p>
      <ul className="choices">
        <li>
          <Link to={OFFER_PATH}>{t(words.offerChoice)}</Link>
        </li>
        <li>
          <Link to={RECEIVE_PATH}>{t(words.receiveChoice)}</Link>
        </li>
      </ul>
    </MigrationPage>
  );
}
