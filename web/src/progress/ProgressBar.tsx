import type { MigrationStatus } from "../gql/enums";
import { useWords } from "../i18n/language";
import { words } from "../i18n/words";

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
  // A move that has not started shows an empty bar; a completed one a full bar, even when the
  // archive was empty.
  const max = Math.max(total, 1);
  const value = status === "COMPLETED" ? max : Math.min(done, max);
  return (
    <div className="progress" data-status={status}>
      <progress
        max={max}
        value={value}
        aria-label={t(words.progressOf)(name)}
        aria-valuetext={t(words.documentsDone)(done, total)}
      />
      <span className="progress-text">{t(words.documentsDone)(done, total)}</span>
    </div>
  );
}
