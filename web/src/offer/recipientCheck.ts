// Whether each typed recipient is an address an offer may go to. THE ONE PLACE recipients are
// checked: today the API checks them only when an offer is sent (offerMigration) or its
// recipients are changed (changeMigrationRecipients), so a complete address waits for that, and
// each refusal comes back at the recipient's position as sent. When the API's `checkRecipients`
// lands (rationed per user by the same limit as today's checks), `useRecipientChecks` asks it
// once for each address as it is completed, and the forms do not change.
import { useCallback, useMemo, useState } from "react";
import { errorsAt, inputPath, type ShownUserError } from "../ui/UserErrorText";

/** Where one recipient stands, as the form shows it beside the address. */
export type RecipientState =
  | { kind: "incomplete" }
  | { kind: "unchecked" }
  | { kind: "accepted" }
  | { kind: "refused"; errors: ShownUserError[] };

// When an address is complete enough to be worth checking: the screen's cue, not a rule (the
// server decides what is a valid address and whose it is).
const COMPLETE_ADDRESS = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

function key(address: string): string {
  return address.trim().toLowerCase();
}

/** The addresses as they are sent: trimmed, the empty rows of the form left out. */
export function recipientsToSend(rows: readonly string[]): string[] {
  return rows.map((row) => row.trim()).filter((row) => row !== "");
}

export interface RecipientChecks {
  /** Where the recipient typed in this row stands now. */
  stateOf: (address: string) => RecipientState;
  /** Refusals of the list as a whole (none named, too many, another office's plan, the limit). */
  listErrors: ShownUserError[];
  /** Take in what the API answered for the addresses sent (in that order). */
  takeAnswer: (sent: readonly string[], errors: readonly ShownUserError[]) => void;
}

export function useRecipientChecks(): RecipientChecks {
  const [known, setKnown] = useState<ReadonlyMap<string, RecipientState>>(new Map());
  const [listErrors, setListErrors] = useState<ShownUserError[]>([]);
  const takeAnswer = useCallback((sent: readonly string[], errors: readonly ShownUserError[]) => {
    const aboutRecipients = errors.filter((error) => inputPath(error)[0] === "recipients");
    const whole = errorsAt(aboutRecipients, "recipients");
    // Addresses were looked up unless the whole list, or the whole request, was refused first.
    const lookedUp = whole.length === 0 && errorsAt(errors).length === 0;
    const next = new Map<string, RecipientState>();
    sent.forEach((address, index) => {
      const own = errorsAt(aboutRecipients, "recipients", String(index));
      if (own.length > 0) next.set(key(address), { kind: "refused", errors: own });
      else if (lookedUp) next.set(key(address), { kind: "accepted" });
    });
    setKnown(next);
    setListErrors(whole);
  }, []);
  return useMemo(
    () => ({
      stateOf: (address: string): RecipientState => {
        const found = known.get(key(address));
        if (found) return found;
        return COMPLETE_ADDRESS.test(address.trim())
          ? { kind: "unchecked" }
          : { kind: "incomplete" };
      },
      listErrors,
      takeAnswer,
    }),
    [known, listErrors, takeAnswer],
  );
}
