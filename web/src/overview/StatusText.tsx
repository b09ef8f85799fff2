import type { MigrationStatus } from "../gql/enums";
import { labels } from "../i18n/enums";
import { useWords } from "../i18n/language";

/** A status in the words the search understands, marked by its kind for the eye. */
export function StatusText({ status }: { status: MigrationStatus }) {
  const t = useWords();
  return (
    <span className="status" data-status={status}>
      {t(labels.MigrationStatus[status])}
    </span>
  );
}
