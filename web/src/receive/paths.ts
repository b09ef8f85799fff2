// Where the receiving side's screens live; the overview's rows and the wizard link here.
export const RECEIVED_PATH = "/migrations/received/:id";

/** The page of one offer as the receiving office sees it. */
export function receivedPath(migrationId: string): string {
  return `/migrations/received/${encodeURIComponent(migrationId)}`;
}
