import { useId, type ReactNode } from "react";
import { useWords } from "../i18n/language";
import { words } from "../i18n/words";

/**
 * A list's table: its caption names it for screen readers, and on a narrow window it scrolls
 * sideways inside a region the keyboard can reach.
 */
export function ListFrame({
  caption,
  busy,
  columns,
  rows,
  empty,
  emptyText,
}: {
  caption: string;
  busy: boolean;
  columns: ReactNode;
  rows: ReactNode;
  empty: boolean;
  /** What an empty list says when it lists something other than administrations. */
  emptyText?: string;
}) {
  const t = useWords();
  const id = useId();
  return (
    <div
      className="table-scroll"
      role="region"
      aria-labelledby={id}
      tabIndex={0}
      aria-busy={busy}
    >
      <table>
        <caption id={id} className="visually-hidden">
          {caption}
        </caption>
        <thead>
          <tr>{columns}</tr>
        </thead>
        <tbody>
          {rows}
          {empty && (
            <tr className="empty-row">
              <td colSpan={99} className="empty">
                {busy ? t(words.loading) : (emptyText ?? t(words.noRows))}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
