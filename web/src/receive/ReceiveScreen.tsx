import { useWords } from "../i18n/language";
import { words } from "../i18n/words";
import { MigrationPage } from "../layout/MigrationPage";
import { ComingSoon } from "../ui/ComingSoon";

// The page the offer mail links to (the service's frontend_code_path); never with the code in it.
export const RECEIVE_PATH = "/receive";

/** Haal administraties op: the receive wizard comes here. */
export function ReceiveScreen() {
  const t = useWords();
  return (
    <MigrationPage title={t(words.receiveTitle)}>
      <ComingSoon />
    </MigrationPage>
  );
}
