// Pages of a connection read forward and back by its cursors: the cursor of this page, and of
// the pages before it so "previous" can go back.
import { useState } from "react";

export function useCursorPages() {
  const [before, setBefore] = useState<(string | null)[]>([]);
  const [after, setAfter] = useState<string | null>(null);
  return {
    after,
    page: before.length + 1,
    next: (endCursor: string | null | undefined) => {
      if (!endCursor) return;
      setBefore((cursors) => [...cursors, after]);
      setAfter(endCursor);
    },
    previous: () => {
      setAfter(before.at(-1) ?? null);
      setBefore((cursors) => cursors.slice(0, -1));
    },
  };
}
