// Live progress of one offer's moves, pushed by the server. Today that is the migrationProgress
// subscription (one per offer, which the server completes once every administration has ended);
// the API's plan adds overviewChanges, one subscription for every row of the viewer's overviews.
// THE ONE PLACE to switch to it. Each result is written into Apollo's cache, where the rows of
// the screen's own query (normalized by their id) pick up the new status, progress and receipt.
import { useSubscription } from "@apollo/client/react";
import { useEffect, useRef } from "react";
import { graphql } from "../gql";

const MigrationProgress = graphql(`
  subscription MigrationProgress($migrationId: ID!) {
    migrationProgress(migrationId: $migrationId) {
      id
      statusCounts {
        offered
        withdrawn
        expired
        rejected
        queued
        running
        completed
        failed
        total
      }
      administrations {
        nodes {
          id
          status
          statusChangedAt
          reason
          failure
          progress {
            documentsDone
            documentsTotal
          }
          receipt {
            id
            documentsMoved
            bytesMoved
            checksumsVerified
            verification
            completedAt
          }
          administration {
            id
            code
            name
            inboundMailAddress
          }
        }
      }
    }
  }
`);

/**
 * Keeps the offer's rows in the cache current while the page shows them. `live` says a row may
 * still change (a move queued or running): a subscription the server completed when everything
 * had ended starts again then, after a retry for instance.
 */
export function useMigrationProgress(migrationId: string, live: boolean): { stopped: boolean } {
  const ended = useRef(false);
  const { restart, error } = useSubscription(MigrationProgress, {
    variables: { migrationId },
    onComplete: () => {
      ended.current = true;
    },
  });
  useEffect(() => {
    if (live && ended.current) {
      ended.current = false;
      restart();
    }
  }, [live, restart]);
  return { stopped: error !== undefined };
}
