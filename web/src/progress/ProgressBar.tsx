import type { MigrationStatus } from "../gql/enums";
import { useWords } from "../i18n/language";
import { useNumbers } from "../i18n/numbers";
import { words } from "../i18n/words";
import { useNow } from "./useNow";

/** A running move's pace as the API measured it (MoveProgress); nulls while not known. */
export interface MovePace {
  documentsPerSecond: number | null;
  expectedCompletionAt: string | null;
}

/**
 * How far one move is, documents done of total, as a native progress bar with its words; while
 * it runs and its pace is known, the time left and (in small text and on hover) its speed.
 */
export function ProgressBar({
  name,
  status,
  done,
  total,
  pace,
}: {
  name: string;
  status: MigrationStatus;
  done: number;
  total: number;
  pace?: MovePace;
}) {
  const t = useWords();
  const { decimal } = useNumbers();
  const expected = status === "RUNNING" ? (pace?.expectedCompletionAt ?? null) : null;
  const perSecond = pace?.documentsPerSecond ?? null;
  const now = useNow(expected);
  // A move that has not started shows an empty bar; a completed one a full bar, even when the
  // archive was empty.
  const max = Math.max(total, 1);
  const value = status === "COMPLETED" ? max : Math.min(done, max);
  const doneText = t(words.documentsDone)(done, total);
  const left =
    expected === null ? null : t(words.timeLeft)(Math.max(Date.parse(expected) - now, 0) / 60_000);
  const speed = perSecond === null ? null : t(words.documentsPerSecond)(decimal(perSecond));
  return (
    <div className="progress" data-status={status}>
      <progress
        max={max}
        value={value}
        aria-label={t(words.progressOf)(name)}
        aria-valuetext={left === null ? doneText : `${doneText}, ${left}`}
      />
      <span className="progress-text">{doneText}</span>
      {left !== null && (
        <span className="progress-eta" title={speed ?? undefined}>
          {left}
          {speed !== null && <small className="progress-rate">{speed}</small>}
        </span>
      )}
    </div>
  );
}
