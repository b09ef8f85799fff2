import type { MigrationStatus } from "../gql/enums";
import { useWords } from "../i18n/language";
import { offerWords } from "../i18n/offerWords";

/** How far one move is, documents done of total, as a native progress bar with its words. */
export function ProgressBar({
  name,
  status,
  done,
  total,
}: {
  name: string;
  status: MigrationStatus;
  done: number;
  total: number;
}) {
  const t = useWords();
  const finished = status === "COMPLETED";
  // A move that has not started shows an empty bar; a completed one a full bar, even when the
  // archive was empty.
  const value = finished ? Math.max(total, 1) : done;
  const max = Math.max(total, 1);
  return (
    <div className="progress" data-status={status}>
      <progress
        max={max}
        value={value}
        aria-label={t(offerWords.progressOf)(name)}
        aria-valuetext={t(offerWords.documentsDone)(done, total)}
      />
      <span className="progress-text">{t(offerWords.documentsDone)(done, total)}</span>
    </div>
  );
}
