import { useWords } from "../i18n/language";
import { words } from "../i18n/words";

interface PagerProps {
  page: number;
  pageSize: number;
  totalCount: number;
  hasNext: boolean;
  onPrevious: () => void;
  onNext: () => void;
  /** How the rows are counted ("12 administraties" unless told otherwise). */
  counted?: (count: number) => string;
}

/** Previous and next page of a list, with where this page stands in the whole. */
export function Pager({
  page,
  pageSize,
  totalCount,
  hasNext,
  onPrevious,
  onNext,
  counted,
}: PagerProps) {
  const t = useWords();
  const pages = Math.max(1, Math.ceil(totalCount / pageSize));
  return (
    <div className="pager">
      <p>
        {(counted ?? t(words.rowsFound))(totalCount)} · {t(words.pageOf)(page, pages)}
      </p>
      <div className="pager-buttons">
        <button type="button" onClick={onPrevious} disabled={page <= 1}>
          {t(words.previousPage)}
        </button>
        <button type="button" onClick={onNext} disabled={!hasNext}>
          {t(words.nextPage)}
        </button>
      </div>
    </div>
  );
}
