import { useWords } from "../i18n/language";
import { words } from "../i18n/words";

/** How far a move is, as a bar and in words: documents done of the archive's total. */
export function ProgressBar({
  done,
  total,
  label,
}: {
  done: number;
  total: number;
  label: string;
}) {
  const t = useWords();
  return (
    <div className="progress">
      <progress max={Math.max(total, 1)} value={Math.min(done, total)} aria-label={label} />
      <span className="progress-text">{t(words.documentsDone)(done, total)}</span>
    </div>
  );
}
