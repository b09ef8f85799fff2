import type { OverviewOrderField } from "../gql/enums";
import { useWords } from "../i18n/language";
import { words } from "../i18n/words";
import type { OverviewControls } from "./controls";

/** A column header that sorts the list by its column; a second click turns the order round. */
export function SortHeader({
  field,
  label,
  controls,
}: {
  field: OverviewOrderField;
  label: string;
  controls: OverviewControls;
}) {
  const t = useWords();
  const sorted = controls.order.field === field;
  const direction = controls.order.direction === "ASC" ? "ascending" : "descending";
  return (
    <th scope="col" aria-sort={sorted ? direction : undefined}>
      <button
        type="button"
        className="sort"
        title={t(words.sortBy)(label)}
        onClick={() => controls.sortBy(field)}
      >
        {label}
        <svg aria-hidden="true" viewBox="0 0 10 10" width="10" height="10" className="sort-mark">
          {sorted && direction === "ascending" && <path d="M5 2 L9 8 L1 8 Z" />}
          {sorted && direction === "descending" && <path d="M1 2 L9 2 L5 8 Z" />}
          {!sorted && <path d="M5 1 L8 4 L2 4 Z M2 6 L8 6 L5 9 Z" />}
        </svg>
      </button>
    </th>
  );
}
