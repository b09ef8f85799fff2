// What the receiver may do with each offered administration, and why not, read from the
// preview's own answers (canReceive, stillOffered, duplicateInTarget, codeInUse,
// hasConnectionOfPackage): the server decides, the screen shows. THE ONE PLACE to switch to
// MigrationAdministration.allowedActions (RECEIVE, REJECT) when the API gives it.
import type { MigrationStatus } from "../gql/enums";

export interface PreviewChecks {
  canReceive: boolean;
  stillOffered: boolean;
  duplicateInTarget: boolean;
  codeInUse: boolean;
  hasConnectionOfPackage: boolean;
  administration: { status: MigrationStatus };
}

/** Why an administration cannot be received (or needs another code), in the API's terms. */
export type Obstacle =
  "NOT_OFFERED" | "DUPLICATE_IN_TARGET" | "NO_CONNECTION_OF_PACKAGE" | "CODE_IN_USE";

export interface Receivability {
  receive: boolean;
  reject: boolean;
  /** The offered code is taken with the receiver: receiving needs another one. */
  needsOtherCode: boolean;
  obstacles: Obstacle[];
}

export function receivability(row: PreviewChecks): Receivability {
  const obstacles: Obstacle[] = [];
  if (!row.stillOffered) obstacles.push("NOT_OFFERED");
  if (row.duplicateInTarget) obstacles.push("DUPLICATE_IN_TARGET");
  if (!row.hasConnectionOfPackage) obstacles.push("NO_CONNECTION_OF_PACKAGE");
  if (row.codeInUse && row.stillOffered && !row.duplicateInTarget) obstacles.push("CODE_IN_USE");
  return {
    receive: row.canReceive,
    reject: row.stillOffered,
    needsOtherCode: row.codeInUse,
    obstacles,
  };
}
