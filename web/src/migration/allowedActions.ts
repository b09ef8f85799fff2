// Which actions the offering side's screens offer now, per administration and per offer.
// THE ONE PLACE the screens derive this themselves: until the API answers `allowedActions` on
// MigrationAdministration and Migration (the API plan for the screens), it follows the statuses
// the rules name, and the server still refuses what it does not allow. When the field lands,
// these functions return the API's list (and `MigrationAction` becomes the generated enum).
import type { MigrationStatus, TokenScope } from "../gql/enums";

export type MigrationAction =
  | "WITHDRAW"
  | "CANCEL"
  | "RETRY"
  | "GIVE_UP"
  | "CHANGE_RECIPIENTS"
  | "RESEND"
  | "EXTEND"
  | "RECEIVE"
  | "REJECT";

const SOURCE_ACTIONS: Readonly<Record<MigrationStatus, readonly MigrationAction[]>> = {
  OFFERED: ["WITHDRAW"],
  FAILED: ["RETRY", "WITHDRAW"],
  QUEUED: [],
  RUNNING: [],
  COMPLETED: [],
  WITHDRAWN: [],
  EXPIRED: [],
  REJECTED: [],
};

/** What the offering office may do now with one administration of its offer. */
export function administrationActions(status: MigrationStatus): readonly MigrationAction[] {
  return SOURCE_ACTIONS[status];
}

/** What the offering office may do now with the offer as a whole, from its counts per status. */
export function offerActions(counts: { offered: number; failed: number }): MigrationAction[] {
  const actions: MigrationAction[] = [];
  if (counts.offered > 0) actions.push("CHANGE_RECIPIENTS", "RESEND", "EXTEND");
  if (counts.offered + counts.failed > 0) actions.push("WITHDRAW");
  return actions;
}

/** A read-only token acts on nothing: its screens show what is, without buttons. */
export function mayAct(scope: TokenScope): boolean {
  return scope === "FULL";
}
