// A sentence for the screen a user is sent to after an action elsewhere ("the offer is sent"),
// said once on arrival there.
import type { Phrase } from "../i18n/language";

let pending: { path: string; phrase: Phrase } | null = null;

export function tellOnArrival(path: string, phrase: Phrase): void {
  pending = { path, phrase };
}

/** What to say on arriving at this path, if anything; it stays until `forgetArrivalNews`. */
export function arrivalNews(path: string): Phrase | null {
  return pending?.path === path ? pending.phrase : null;
}

export function forgetArrivalNews(): void {
  pending = null;
}
