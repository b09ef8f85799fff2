// What the receiving office may do now with a move it claimed. Until the API says per row which
// actions it allows (MigrationAdministration.allowedActions, computed by the functions the
// mutations use), the screen offers what the lifecycle's table names for the receiver: cancel a
// queued move, retry or give up a failed one. THE ONE PLACE to switch to the API's answer.
import type { MigrationStatus } from "../gql/enums";

export type ReceiverAction = "CANCEL" | "RETRY" | "GIVE_UP";

const BY_STATUS: Partial<Record<MigrationStatus, readonly ReceiverAction[]>> = {
  QUEUED: ["CANCEL"],
  FAILED: ["RETRY", "GIVE_UP"],
};

export function receiverActions(row: { status: MigrationStatus }): readonly ReceiverAction[] {
  return BY_STATUS[row.status] ?? [];
}
