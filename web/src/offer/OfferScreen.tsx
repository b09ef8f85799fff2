import { useWords } from "../i18n/language";
import { words } from "../i18n/words";
import { MigrationPage } from "../layout/MigrationPage";
import { ComingSoon } from "../ui/ComingSoon";

export const OFFER_PATH = "/migrations/offer";

/** Verplaats administraties: the offer wizard comes here. */
export function OfferScreen() {
  const t = useWords();
  return (
    <MigrationPage title={t(words.offerTitle)}>
      <ComingSoon />
    </MigrationPage>
  );
}
