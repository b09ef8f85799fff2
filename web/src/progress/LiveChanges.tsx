// THE ONE live subscription of a tab: the API's overviewChanges, opened once for the signed-in
// user, for every running move at once. Each change is a row of the overviews, written into
// Apollo's cache, where every row, bar and button on screen that shows that administration (the
// overviews, an offer's page, the received page) follows it without a reload. A change of status
// also changes what the lists count and what an offer's trail says: those are read again.
import { skipToken, useApolloClient, useSubscription } from "@apollo/client/react";
import { createContext, use, useEffect, useMemo, useRef, type ReactNode } from "react";
import { graphql } from "../gql";

const OverviewChanges = graphql(`
  subscription OverviewChanges {
    overviewChanges {
      id
      status
      statusChangedAt
      expiresAt
      failure
      reason
      allowedActions
      progress {
        documentsDone
        documentsTotal
        documentsPerSecond
        expectedCompletionAt
      }
      receipt {
        id
        ...MoveReceipt_receipt
      }
    }
  }
`);

// The queries whose counts, totals or steps follow from the statuses: read again after one moves.
const FOLLOWING_STATUSES: ReadonlySet<string> = new Set([
  "OfferedAdministrations",
  "ReceivableAdministrations",
  "OfferPage",
  "ReceivedOffer",
  "OfferAudit",
]);
// Changes come in bursts (an offer's rows, one after the other): the lists are read once after.
const SETTLE_MS = 150;

const LiveContext = createContext<{ stopped: boolean }>({ stopped: false });

/** Whether the live changes stopped (the screens then say a reload shows what is new). */
export function useLiveStopped(): boolean {
  return use(LiveContext).stopped;
}

/** Opens the one subscription for everything under it, as long as the user is signed in. */
export function LiveChanges({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const client = useApolloClient();
  const statuses = useRef(new Map<string, string>());
  const pending = useRef<number | null>(null);
  const readAgain = () => {
    if (pending.current !== null) return;
    pending.current = window.setTimeout(() => {
      pending.current = null;
      void client
        .refetchQueries({
          include: "active",
          onQueryUpdated: (query) =>
            query.queryName !== undefined && FOLLOWING_STATUSES.has(query.queryName)
              ? query.refetch()
              : false,
        })
        .catch(() => null);
    }, SETTLE_MS);
  };
  useEffect(
    () => () => {
      if (pending.current !== null) window.clearTimeout(pending.current);
    },
    [],
  );
  // A socket that closes is opened again by graphql-ws, which subscribes anew on it.
  const { error } = useSubscription(
    OverviewChanges,
    enabled
      ? {
          onData: ({ data }) => {
            const row = data.data?.overviewChanges;
            if (!row) return;
            if (statuses.current.get(row.id) !== row.status) {
              statuses.current.set(row.id, row.status);
              readAgain();
            }
          },
        }
      : skipToken,
  );
  const value = useMemo(() => ({ stopped: error !== undefined }), [error]);
  return <LiveContext value={value}>{children}</LiveContext>;
}
