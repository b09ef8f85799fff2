// Whether each typed recipient is an address an offer may go to, as the API's checkRecipients
// says (with the codes offerMigration gives, each different address counted against the user's
// hourly limit on lookups). An address is sent once it looks complete and the typing paused;
// the answer of a send (offerMigration, changeMigrationRecipients) is taken in the same way.
import { useMutation } from "@apollo/client/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { graphql } from "../gql";
import { errorsAt, inputPath, shownErrors, type ShownUserError } from "../ui/UserErrorText";

const CheckRecipients = graphql(`
  mutation CheckRecipients($input: CheckRecipientsInput!) {
    checkRecipients(input: $input) {
      recipients {
        id
        address
        accepted
      }
      userErrors {
        ...UserErrorText_error
      }
    }
  }
`);

/** Where one recipient stands, as the form shows it beside the address. */
export type RecipientState =
  | { kind: "incomplete" }
  | { kind: "unchecked" }
  | { kind: "accepted" }
  | { kind: "refused"; errors: ShownUserError[] };

// When an address is complete enough to be worth a lookup: the screen's cue, not a rule (the
// server decides what is a valid address and whose it is), so half-typed ones cost nothing.
const COMPLETE_ADDRESS = /^[^\s@]+@[^\s@.]+(\.[^\s@.]{2,})+$/;
// How long the typing pauses before the complete addresses are looked up.
const PAUSE_MS = 600;
// What checkRecipients takes at once (its input's limit).
const AT_MOST = 10;

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

/** The checks of the recipients typed in `rows`, asked of the API as they are completed. */
export function useRecipientChecks(rows: readonly string[]): RecipientChecks {
  const [known, setKnown] = useState<ReadonlyMap<string, RecipientState>>(new Map());
  const [listErrors, setListErrors] = useState<ShownUserError[]>([]);
  const [check] = useMutation(CheckRecipients);
  const asked = useRef(0);

  const takeAnswer = useCallback(
    (sent: readonly string[], errors: readonly ShownUserError[], accepted?: readonly boolean[]) => {
      const aboutRecipients = errors.filter((error) => inputPath(error)[0] === "recipients");
      const whole = errorsAt(aboutRecipients, "recipients");
      // Addresses were looked up unless the whole list, or the whole request, was refused first.
      const lookedUp = whole.length === 0 && errorsAt(errors).length === 0;
      setKnown((before) => {
        const next = new Map(before);
        sent.forEach((address, index) => {
          const own = errorsAt(aboutRecipients, "recipients", String(index));
          if (own.length > 0) next.set(key(address), { kind: "refused", errors: own });
          else if (lookedUp && (accepted?.[index] ?? true))
            next.set(key(address), { kind: "accepted" });
        });
        return next;
      });
      setListErrors(whole);
    },
    [],
  );

  const complete = recipientsToSend(rows)
    .filter((address) => COMPLETE_ADDRESS.test(address))
    .slice(0, AT_MOST);
  const wanted = complete.join("\n");
  useEffect(() => {
    if (wanted === "") return;
    const sent = wanted.split("\n");
    const turn = ++asked.current;
    const timer = window.setTimeout(() => {
      check({ variables: { input: { recipients: sent } } })
        .then((answer) => {
          const payload = answer.data?.checkRecipients;
          if (!payload || turn !== asked.current) return;
          takeAnswer(
            sent,
            shownErrors(payload.userErrors),
            payload.recipients.map((each) => each.accepted),
          );
        })
        // Not checked now (no connection): the send checks them all the same.
        .catch(() => null);
    }, PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [wanted, check, takeAnswer]);

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
      takeAnswer: (sent: readonly string[], errors: readonly ShownUserError[]) =>
        takeAnswer(sent, errors),
    }),
    [known, listErrors, takeAnswer],
  );
}
