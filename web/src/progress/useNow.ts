// The browser's time for what counts down on screen (a move's time left), read again every
// little while as long as something counts down, and at once when what counts down changes.
import { useEffect, useState } from "react";

const EVERY_MS = 15_000;

/** Milliseconds since the epoch, fresh while `counting` is set (null: nothing counts down). */
export function useNow(counting: string | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (counting === null) return;
    const read = () => setNow(Date.now());
    const first = window.setTimeout(read, 0);
    const every = window.setInterval(read, EVERY_MS);
    return () => {
      window.clearTimeout(first);
      window.clearInterval(every);
    };
  }, [counting]);
  return now;
}
