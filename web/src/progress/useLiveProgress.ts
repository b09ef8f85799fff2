// THE ONE live subscription of the offer's screens. Today it is the API's per-offer
// `migrationProgress` over graphql-ws: each event is the whole offer, written into Apollo's
// cache, so every row and bar on screen that shows one of its administrations follows without a
// reload. When the API's single `overviewChanges` subscription lands (one per screen, whatever
// the number of moves), this hook subscribes to that instead and nothing else changes.
import { useSubscription } from "@apollo/client/react";
import { useEffect, useRef } from "react";
import { graphql } from "../gql";

const LiveMigrationProgress = graphql(`
  subscription LiveMigrationProgress($migrationId: ID!) {
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
      administrations(first: 100) {
        nodes {
          id
          status
          statusChangedAt
          failure
          reason
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
        }
      }
    }
  }
`);

/**
 * Keeps the offer's administrations live on screen for as long as the screen shows it.
 * `statuses` is what the screen shows now (any string that changes with them): the API ends
 * the stream once every move has ended, and a change after that (a failed move retried)
 * starts it again. Returns the error, if the live updates could not start, for the screen to say.
 */
export function useLiveProgress(migrationId: string, statuses: string): { error: unknown } {
  const shown = useRef(statuses);
  const endedWith = useRef<string | null>(null);
  const { error, restart } = useSubscription(LiveMigrationProgress, {
    variables: { migrationId },
    onComplete: () => {
      endedWith.current = shown.current;
    },
  });
  useEffect(() => {
    shown.current = statuses;
    if (endedWith.current !== null && endedWith.current !== statuses) {
      endedWith.current = null;
      restart();
    }
  }, [statuses, restart]);
  return { error };
}
