// What a user does to an overview list: one search field, a status tab, a sort, pages.
// The list's query takes these as its variables; the server filters, sorts and counts.
import { useEffect, useState } from "react";
import type { MigrationStatus, OrderDirection, OverviewOrderField } from "../gql/enums";

export const PAGE_SIZE = 10;
const TYPING_PAUSE_MS = 300;

export interface Order {
  field: OverviewOrderField;
  direction: OrderDirection;
}

export const NEWEST_FIRST: Order = { field: "OFFERED_AT", direction: "DESC" };

export function useOverviewControls() {
  const [typed, setTyped] = useState("");
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState<MigrationStatus | null>(null);
  const [order, setOrder] = useState<Order>(NEWEST_FIRST);
  // The cursors of the pages before this one: "previous" goes back to the last of them.
  const [cursors, setCursors] = useState<(string | null)[]>([]);
  const [after, setAfter] = useState<string | null>(null);

  const restart = () => {
    setCursors([]);
    setAfter(null);
  };

  useEffect(() => {
    // The search runs once typing pauses (Enter runs it at once).
    const timer = window.setTimeout(() => {
      if (typed.trim() !== search) {
        setSearch(typed.trim());
        setCursors([]);
        setAfter(null);
      }
    }, TYPING_PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [typed, search]);

  return {
    typed,
    variables: {
      search: search || null,
      status,
      orderBy: order,
      first: PAGE_SIZE,
      after,
    },
    page: cursors.length + 1,
    order,
    status,
    type: setTyped,
    searchNow: () => {
      setSearch(typed.trim());
      restart();
    },
    filter: (next: MigrationStatus | null) => {
      setStatus(next);
      restart();
    },
    sortBy: (field: OverviewOrderField) => {
      setOrder((now) =>
        now.field === field
          ? { field, direction: now.direction === "ASC" ? "DESC" : "ASC" }
          : { field, direction: field === "ADMINISTRATION_NAME" ? "ASC" : "DESC" },
      );
      restart();
    },
    next: (endCursor: string | null | undefined) => {
      if (!endCursor) return;
      setCursors((before) => [...before, after]);
      setAfter(endCursor);
    },
    previous: () => {
      setAfter(cursors.at(-1) ?? null);
      setCursors((before) => before.slice(0, -1));
    },
  };
}

export type OverviewControls = ReturnType<typeof useOverviewControls>;
