import { useQuery } from "@apollo/client/react";
import { graphql } from "../gql";
import type { ViewerAction } from "../gql/enums";
import { labels } from "../i18n/enums";
import { useWords } from "../i18n/language";
import { words } from "../i18n/words";
import { MigrationPage } from "../layout/MigrationPage";
import { OFFER_PATH } from "../offer/OfferScreen";
import { RECEIVE_PATH } from "../receive/ReceiveScreen";
import { Link } from "../router/router";

const ViewerAbilities = graphql(`
  query ViewerAbilities {
    viewer {
      id
      abilities {
        id
        action
        allowed
        reason
      }
    }
  }
`);

const CHOICES = [
  { action: "OFFER", path: OFFER_PATH, label: words.offerChoice },
  { action: "RECEIVE", path: RECEIVE_PATH, label: words.receiveChoice },
] as const satisfies readonly { action: ViewerAction; path: string; label: unknown }[];

/**
 * Migratie acties: the two ways a migration starts, as the help article offers them, each with
 * why the viewer may not take it when the API says so (viewer.abilities).
 */
export function ActionsScreen() {
  const t = useWords();
  const { data } = useQuery(ViewerAbilities);
  const abilities = data?.viewer?.abilities ?? [];
  return (
    <MigrationPage title={t(words.actionsTitle)}>
      <p>{t(words.actionsIntro)}</p>
      <ul className="choices">
        {CHOICES.map((choice) => {
          const ability = abilities.find((each) => each.action === choice.action);
          const why = ability && !ability.allowed && ability.reason;
          return (
            <li key={choice.action}>
              <Link to={choice.path}>{t(choice.label)}</Link>
              {why && <p className="hint">{t(labels.UserErrorCode[why])}</p>}
            </li>
          );
        })}
      </ul>
    </MigrationPage>
  );
}
